import Foundation
import IGMarketData
import IGModels
import Testing

@Suite("Exact price encoding")
struct BarCodecTests {
    static func bytes(_ value: Decimal?) -> [UInt8]? { value.map { v in withUnsafeBytes(of: v) { Array($0) } } }

    static func row(_ values: [Decimal?], time: Int64 = 1_741_082_400) -> PriceTable.Row {
        PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(time)),
            bid: .init(open: values[0], high: values[1], low: values[2], close: values[3]),
            ask: .init(open: values[4], high: values[5], low: values[6], close: values[7]),
            lastTraded: .init(open: values[8], high: values[9], low: values[10], close: values[11]),
            volume: values[12])
    }

    @Test("decimals as IG's JSON carries them come back with the same bits")
    func parsedDecimalsRoundTrip() throws {
        let json = "[1.08123, 1.1, 0.00001, 12345.678, -3.5, 0, 1200, 60123.45, 99999.99999, 7, 1.0, 151.1, 42]"
        let decoded = try JSONDecoder().decode([Decimal].self, from: Data(json.utf8))
        let source = Self.row(decoded.map { Optional($0) })
        var values: [Int64?] = []
        let (time, scale) = try BarCodec.encode(source, into: &values)
        #expect(scale == 5)
        let back = BarCodec.decode(time: time, scale: scale, values: values)
        #expect(back == source)
        let original = source.bid.values + source.ask.values + source.lastTraded.values + [source.volume]
        let returned = back.bid.values + back.ask.values + back.lastTraded.values + [back.volume]
        for (a, b) in zip(original, returned) { #expect(Self.bytes(a) == Self.bytes(b)) }
    }

    @Test("random prices of 0 to 8 decimal places round-trip bit for bit, nil stays nil")
    func randomRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Int64?] = []
        for _ in 0..<2_000 {
            var decimals: [Decimal?] = []
            for index in 0..<13 {
                if index >= 8, Bool.random(using: &generator) {
                    decimals.append(nil)
                    continue
                }
                let places = Int.random(in: 0...8, using: &generator)
                let mantissa = Int64.random(in: -9_999_999_999...9_999_999_999, using: &generator)
                let text = Self.text(mantissa, places: places)
                decimals.append(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
            }
            let source = Self.row(decimals)
            let (time, scale) = try BarCodec.encode(source, into: &values)
            let back = BarCodec.decode(time: time, scale: scale, values: values)
            #expect(back == source)
            let original = source.bid.values + source.ask.values + source.lastTraded.values + [source.volume]
            let returned = back.bid.values + back.ask.values + back.lastTraded.values + [back.volume]
            #expect(zip(original, returned).allSatisfy { Self.bytes($0) == Self.bytes($1) })
        }
    }

    @Test("a value with no exact 64-bit form at 18 places is refused, not rounded")
    func unrepresentable() throws {
        let huge = try #require(Decimal(string: "123456789012345678901234567890"))
        var values: [Int64?] = []
        #expect(throws: BarCodec.UnrepresentableValue.self) {
            _ = try BarCodec.encode(Self.row([huge] + Array(repeating: nil, count: 12)), into: &values)
        }
    }

    static func text(_ mantissa: Int64, places: Int) -> String {
        let digits = String(mantissa.magnitude)
        let sign = mantissa < 0 ? "-" : ""
        guard places > 0 else { return sign + digits }
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        return sign + padded.dropLast(places) + "." + padded.suffix(places)
    }
}
