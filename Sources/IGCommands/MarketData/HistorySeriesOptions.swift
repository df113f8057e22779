import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// The series and range of `ig history show` and `ig history export`.
struct HistorySeriesOptions: ParsableArguments {
    @Argument(help: "The epic, e.g. CS.D.EURUSD.TODAY.IP.") var epic: String
    @Option(name: .shortAndLong, help: "Bar size: an IG name (MINUTE, HOUR, DAY…) or an alias (1Min, 1h, D).")
    var resolution: String = "MINUTE"
    @Option(help: "Range start, UTC: 2026-11-01, 2026-11-01T10:00 or a full time (default: the first stored bar).")
    var from: UTCDateArgument?
    @Option(help: "Range end (exclusive), UTC (default: after the last stored bar).")
    var to: UTCDateArgument?
    @Option(help: "Environment the series was stored under: DEMO, LIVE, SIMULATOR or a server URL.")
    var environment: String = "SIMULATOR"

    func validate() throws {
        do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        let start = from?.value
        let end = to?.value
        if let start, let end, start >= end { throw ValidationError("--from must be before --to.") }
    }

    var key: SeriesKey {
        get throws {
            SeriesKey(
                environment: environment, epic: Epic(rawValue: epic), resolution: try Resolution(parsing: resolution))
        }
    }

    /// Whether `--from` or `--to` was given.
    var rangeGiven: Bool { from != nil || to != nil }

    /// The range asked for: from `--from` (or the first stored bar) to `--to` (or after the last).
    var range: TimeRange {
        TimeRange(
            start: from.map { TimeRange.seconds($0.value) } ?? Int64.min / 2,
            end: to.map { TimeRange.seconds($0.value) } ?? Int64.max / 2)
    }
}
