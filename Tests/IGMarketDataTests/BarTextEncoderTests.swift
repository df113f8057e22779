import Foundation
import IGMarketData
import IGModels
import Testing

@Suite("BarTextEncoder: CSV, NDJSON and JSON of bars, written in pages")
struct BarTextEncoderTests {
    /// SplitMix64, so every run checks the same values.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        mutating func below(_ bound: UInt64) -> UInt64 { next() % bound }
    }

    /// A value of any size and sign with −25…25 as exponent (some with trailing zeros in the mantissa), or nil.
    static func value(_ random: inout Random) -> Decimal? {
        switch random.below(10) {
        case 0: return nil
        case 1: return Decimal(0)
        default:
            let digits = random.below(20) + 1
            var mantissa: UInt64 = 0
            for _ in 0..<digits { mantissa = mantissa &* 10 &+ random.below(10) }
            if random.below(4) == 0 { mantissa = mantissa / 100 * 100 }
            let exponent = Int(random.below(51)) - 25
            return Decimal(
                sign: random.below(3) == 0 ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
        }
    }

    /// Rows at random whole seconds in the years 1-9999 (before and after 1970).
    static func rows(_ count: Int, seed: UInt64) -> [PriceTable.Row] {
        var random = Random(state: seed)
        let first: Int64 = -62_135_596_800  // 0001-01-01
        let last: Int64 = 253_402_300_799  // 9999-12-31T23:59:59
        return (0..<count).map { _ in
            let time = first + Int64(random.below(UInt64(last - first + 1)))
            return PriceTable.Row(
                time: Date(timeIntervalSince1970: TimeInterval(time)),
                bid: .init(
                    open: value(&random), high: value(&random), low: value(&random), close: value(&random)),
                ask: .init(
                    open: value(&random), high: value(&random), low: value(&random), close: value(&random)),
                lastTraded: .init(
                    open: value(&random), high: value(&random), low: value(&random), close: value(&random)),
                volume: value(&random))
        }
    }

    static func values(_ row: PriceTable.Row) -> [Decimal?] {
        row.bid.values + row.ask.values + row.lastTraded.values + [row.volume]
    }

    static func time(_ row: PriceTable.Row) -> String { IGDateFormat.iso.string(from: row.time) + "Z" }

    /// The text built the plain way: `description` and `IGDateFormat`.
    static func reference(_ rows: [PriceTable.Row], _ format: BarTextEncoder.Format) -> String {
        let columns = ["time"] + BarCodec.valueColumns
        switch format {
        case .csv:
            let lines = rows.map { row in
                ([time(row)] + values(row).map { $0.map { "\($0)" } ?? "" }).joined(separator: ",")
            }
            return ([columns.joined(separator: ",")] + lines).map { $0 + "\n" }.joined()
        case .ndjson, .json:
            let objects = rows.map { row in
                "{\"time\":\"\(time(row))\""
                    + zip(BarCodec.valueColumns, values(row)).map { ",\"\($0)\":" + ($1.map { "\($0)" } ?? "null") }
                    .joined() + "}"
            }
            return format == .json ? "[" + objects.joined(separator: ",") + "]\n" : objects.map { $0 + "\n" }.joined()
        }
    }

    static func encode(_ rows: [PriceTable.Row], _ format: BarTextEncoder.Format, pages: [Int]) -> String {
        var encoder = BarTextEncoder(format: format)
        var bytes = encoder.opening()
        var start = 0
        for size in pages + [rows.count] {
            let end = min(start + size, rows.count)
            encoder.encode(rows[start..<end], into: &bytes)
            start = end
        }
        bytes += encoder.closing()
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(
        "values and times read exactly as Decimal's description and IGDateFormat print them, however paged",
        arguments: BarTextEncoder.Format.allCases)
    func sameAsDescription(_ format: BarTextEncoder.Format) {
        let rows = Self.rows(3_000, seed: 11)
        let expected = Self.reference(rows, format)
        #expect(Self.encode(rows, format, pages: []) == expected)
        #expect(Self.encode(rows, format, pages: [1, 0, 999, 1_000, 7]) == expected)
        #expect(Self.encode([], format, pages: []) == Self.reference([], format))
    }

    @Test("a few values spelled out, and JSON output that JSONSerialization reads back")
    func spelledOut() throws {
        func text(_ literal: String) throws -> String {
            let value = try #require(Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")))
            let row = PriceTable.Row(
                time: Date(timeIntervalSince1970: -1), bid: .init(open: value, high: nil, low: nil, close: nil),
                ask: .init(open: nil, high: nil, low: nil, close: nil),
                lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: nil)
            let csv = Self.encode([row], .csv, pages: [])
            return String(csv.split(separator: "\n")[1].split(separator: ",", omittingEmptySubsequences: false)[1])
        }
        for literal in ["1.1", "-3.5", "1200", "0.00001", "12345.678", "-0.5", "0", "18446744073709551615", "1e30"] {
            #expect(try text(literal) == "\(try #require(Decimal(string: literal)))", "\(literal)")
        }
        #expect(try text("1.10") == "1.1")
        #expect(try text("0.000123") == "0.000123")
        #expect(try text("-1234500") == "-1234500")
        let csv = Self.encode(Self.rows(1, seed: 3), .csv, pages: [])
        #expect(csv.hasPrefix("time,bid_open,bid_high,bid_low,bid_close,ask_open,ask_high,ask_low,ask_close,"))
        let rows = Self.rows(500, seed: 5)
        let json = Self.encode(rows, .json, pages: [100, 100])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 500)
        #expect(parsed.map { $0["time"] as? String } == rows.map { Self.time($0) })
        let early = PriceTable.Row(
            time: Date(timeIntervalSince1970: -62_135_596_800), bid: .init(open: nil, high: nil, low: nil, close: nil),
            ask: .init(open: nil, high: nil, low: nil, close: nil),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 5)
        #expect(
            Self.encode([early], .ndjson, pages: []).hasPrefix("{\"time\":\"0001-01-01T00:00:00Z\",\"bid_open\":null"))
    }

    @Test("a time that is not a number or lies beyond any calendar is written, not trapped on")
    func extremeTimes() {
        let times: [TimeInterval] = [.nan, .infinity, -.infinity, 1e300, -1e300]
        let rows = times.map { interval in
            PriceTable.Row(
                time: Date(timeIntervalSince1970: interval), bid: .init(open: 1, high: nil, low: nil, close: nil),
                ask: .init(open: nil, high: nil, low: nil, close: nil),
                lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: nil)
        }
        let lines = Self.encode(rows, .csv, pages: []).split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines[1].hasPrefix("1970-01-01T00:00:00Z,1,"))
        #expect(lines[2] == lines[4] && lines[3] == lines[5])
        #expect(lines[2] != lines[3])
    }
}
