import Foundation
import IGMarketData
import IGModels
import Testing

@Suite("Times in the store's JSON: UTC text both ways, numbers still read")
struct TimeJSONTests {
    private static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<Value: Decodable>(_ type: Value.Type, _ text: String) throws -> Value {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test("a range is written as UTC times and read back, across the calendar's edges")
    func ranges() throws {
        #expect(
            try Self.json(TimeRange(start: 1_740_960_000, end: 1_741_136_400))
                == #"{"end":"2025-03-05T01:00:00Z","start":"2025-03-03T00:00:00Z"}"#)
        let edges: [Int64] = [
            0, -1, 59, 86_399, 86_400, -86_400, -86_401, 951_782_400,  // 2000-02-29
            -62_135_596_800,  // 0001-01-01
            -62_135_596_801, -62_198_755_200, 253_402_300_799,  // 9999-12-31T23:59:59
            253_402_300_800, 4_102_444_800, 31_000_000_000_000_000, -31_000_000_000_000_000,
            31_000_000_000_000_001, Int64.max, Int64.min + 1,
        ]
        for second in edges {
            let range = TimeRange(start: second, end: second)
            let text = try Self.json(range)
            #expect(try Self.decode(TimeRange.self, text) == range, "\(text)")
        }
        #expect(
            try Self.json(TimeRange(start: -62_135_596_800, end: -62_135_596_800)).contains(#""0001-01-01T00:00:00Z""#))
        #expect(
            try Self.json(TimeRange(start: -62_135_596_801, end: -62_135_596_801)).contains(#""0000-12-31T23:59:59Z""#))
        #expect(
            try Self.json(TimeRange(start: -62_198_755_200, end: -62_198_755_200)).contains(#""-0001-01-01T00:00:00Z""#)
        )
        // Beyond a nine-digit year the number is written: still exact.
        #expect(try Self.json(TimeRange(start: Int64.max, end: Int64.max)).contains("\(Int64.max)"))
    }

    @Test("a range written as seconds (as earlier versions wrote it) still reads; bad times are refused, not trapped")
    func earlierAndBad() throws {
        #expect(
            try Self.decode(TimeRange.self, #"{"start":1740960000,"end":1741136400}"#)
                == TimeRange(start: 1_740_960_000, end: 1_741_136_400))
        #expect(
            try Self.decode(TimeRange.self, #"{"start":"2025-03-03T00:00:00.999Z","end":"2025-03-03T00:01:00Z"}"#)
                == TimeRange(start: 1_740_960_000, end: 1_740_960_060))
        for bad in [
            "2025-02-30T00:00:00Z", "2025-03-03T24:00:00Z", "2025-03-03T00:00:00", "2025-03-03 00:00:00Z",
            "2025-3-03T00:00:00Z", "+2025-03-03T00:00:00Z", "2025-03-03T00:00:00.Z", "2025-03-03T00:00:60Z",
            "9999999999-01-01T00:00:00Z", "", "Z", "--T::Z", "2025-03-03T00:00:00.1e3Z",
        ] {
            #expect(throws: DecodingError.self, "\(bad)") {
                try Self.decode(TimeRange.self, #"{"start":"\#(bad)","end":0}"#)
            }
        }
    }

    @Test("a recording's first and last updates are UTC times with milliseconds, read back exactly")
    func recordings() throws {
        let stream = RecordedStream(environment: "DEMO", epic: "CS.D.EURUSD.TODAY.IP", stream: RecordedStream.ticks)
        for (first, last) in [(Int64(1_764_840_980_250), Int64(1_764_840_980_005)), (-1, 0), (-62_135_596_800_001, 7)] {
            let status = RecordingStatus(stream: stream, first: first, last: last, spans: 2, gaps: 1)
            let text = try Self.json(status)
            #expect(try Self.decode(RecordingStatus.self, text) == status, "\(text)")
        }
        let status = RecordingStatus(
            stream: stream, first: 1_764_840_980_250, last: 1_764_840_980_005, spans: 2, gaps: 1)
        let text = try Self.json(status)
        #expect(text.contains(#""first":"2025-12-04T09:36:20.250Z""#), "\(text)")
        #expect(text.contains(#""last":"2025-12-04T09:36:20.005Z""#), "\(text)")
        let earlier =
            #"{"stream":\#(try Self.json(stream)),"first":1764840980250,"last":1764840980005,"spans":2,"gaps":1}"#
        #expect(try Self.decode(RecordingStatus.self, earlier) == status)
        let tenths =
            #"{"stream":\#(try Self.json(stream)),"first":"2025-12-04T09:36:20.2Z","last":"2025-12-04T09:36:20.25Z","spans":2,"gaps":1}"#
        let decoded = try Self.decode(RecordingStatus.self, tenths)
        #expect(decoded.first == 1_764_840_980_200 && decoded.last == 1_764_840_980_250)
        #expect(throws: DecodingError.self) {
            try Self.decode(RecordingStatus.self, tenths.replacingOccurrences(of: "20.2Z", with: "20.2505Z"))
        }
    }
}
