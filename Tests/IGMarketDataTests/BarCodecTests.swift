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

    @Test(
        "edge values round-trip bit for bit: 18 places, Int64's largest mantissa, positive exponents, zero",
        arguments: [
            "0.000000000000000001", "-0.000000000000000001", "9223372036854775807", "-9223372036854775807",
            "9.223372036854775807", "1E+5", "1200000000000000000", "0", "65535", "65536", "4294967295",
            "4294967296", "281474976710655", "281474976710656", "0.1", "-1",
        ])
    func edgeValues(_ text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        let source = Self.row([value, nil, value, nil, nil, nil, nil, nil, nil, nil, nil, nil, value])
        var values: [Int64?] = []
        let (time, scale) = try BarCodec.encode(source, into: &values)
        let back = BarCodec.decode(time: time, scale: scale, values: values)
        #expect(back == source)
        #expect(Self.bytes(back.bid.open) == Self.bytes(value))
        #expect(back.bid.high == nil && back.volume == value)
    }

    @Test("a Decimal with trailing zeros in its mantissa comes back equal, in compact form")
    func nonCompact() throws {
        let wide = Decimal(sign: .minus, exponent: -5, significand: Decimal(108_000))
        let source = Self.row([wide] + Array(repeating: nil, count: 12))
        var values: [Int64?] = []
        let (time, scale) = try BarCodec.encode(source, into: &values)
        #expect(scale == 2 && values[0] == -108)
        #expect(BarCodec.decode(time: time, scale: scale, values: values) == source)
    }

    @Test(
        "values whose common scale overflows 64 bits, or NaN, are refused",
        arguments: [["9223372036854775807", "0.1"], ["0.000000000000000001", "10"], ["1E+19"]])
    func refusedCombinations(_ texts: [String]) throws {
        var decimals: [Decimal?] = texts.map { Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) }
        decimals += Array(repeating: nil, count: 13 - decimals.count)
        var values: [Int64?] = []
        #expect(throws: BarCodec.UnrepresentableValue.self) {
            _ = try BarCodec.encode(Self.row(decimals), into: &values)
        }
        #expect(throws: BarCodec.UnrepresentableValue.self) {
            _ = try BarCodec.encode(Self.row([Decimal.nan] + Array(repeating: nil, count: 12)), into: &values)
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
