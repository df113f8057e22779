import ArgumentParser
import IGStreaming
import Testing

@testable import IGCommands

@Suite("Candle scales as people type them: IG's stream names and the resolution names of -r")
struct CandleScaleParsingTests {
    @Test("IG's names and the resolution names and aliases that mean them, in any case")
    func accepted() throws {
        let cases: [(String, IGCandleScale)] = [
            ("SECOND", .second), ("1minute", .oneMinute), ("MINUTE", .oneMinute), ("1Min", .oneMinute),
            ("5MINUTE", .fiveMinutes), ("minute_5", .fiveMinutes), ("5Min", .fiveMinutes), ("HOUR", .hour),
            ("1h", .hour), (" hour ", .hour),
        ]
        for (text, scale) in cases { #expect(try IGCandleScale.parsing(text) == scale, "\(text)") }
        #expect(ChartScaleArgument(argument: "1h")?.candleScale == .hour)
        #expect(ChartScaleArgument(argument: "tick")?.candleScale == nil)
        #expect(ChartScaleArgument(argument: "15m") == nil)
    }

    @Test("a resolution IG streams no candles of says where its bars come from; anything else lists the scales")
    func refused() throws {
        #expect(throws: IGCandleScale.ParseFailure.self) { try IGCandleScale.parsing("MINUTE_15") }
        do {
            _ = try IGCandleScale.parsing("15Min")
            Issue.record("MINUTE_15 candles were accepted")
        } catch {
            #expect(error.description.hasPrefix("IG streams no MINUTE_15 candles, only SECOND, 1MINUTE"))
            #expect(error.description.contains("`ig history sync EPIC -r MINUTE_15` fetches MINUTE_15 bars."))
        }
        let record = try IGCommand.parseAsRoot(["record", "CS.D.EURUSD.TODAY.IP", "--candles", "MINUTE,1h,5Min"])
        #expect(try #require(record as? RecordCommand).scales() == [.oneMinute, .hour, .fiveMinutes])
        #expect(throws: (any Error).self) {
            try IGCommand.parseAsRoot(["record", "CS.D.EURUSD.TODAY.IP", "--candles", "fortnight"])
        }
    }
}
