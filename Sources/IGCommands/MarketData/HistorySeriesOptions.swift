import ArgumentParser
import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGTrading

/// The series and range of `ig history show` and `ig history export`.
struct HistorySeriesOptions: ParsableArguments {
    @Argument(help: "The epic, e.g. CS.D.EURUSD.TODAY.IP.") var epic: String
    @Option(name: .shortAndLong, help: "Bar size: an IG name (MINUTE, HOUR, DAY…) or an alias (1Min, 1h, D).")
    var resolution: String = "MINUTE"
    @Option(help: "Range start, UTC: 2026-11-01, 2026-11-01T10:00 or a full time (default: the first stored bar).")
    var from: UTCDateArgument?
    @Option(help: "Range end (exclusive), UTC (default: after the last stored bar).")
    var to: UTCDateArgument?
    @Option(parsing: .unconditional, help: "A span before --to (or now), e.g. 3d or 6h, instead of --from.") var last:
        SpanArgument?
    @Option(
        name: [.long, .customLong("env")],
        help: ArgumentHelp(
            "Environment the series was stored under: DEMO, LIVE, SIMULATOR or a server URL.",
            discussion: "Default: SIMULATOR, or the one environment that holds the series when SIMULATOR does not."))
    var environment: String?

    /// The environment read when `--environment` is not given and more than one, or none, holds the series.
    static let defaultEnvironment = IGEnvironment.simulatorStoreName

    func validate() throws {
        do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        if from != nil, last != nil { throw ValidationError("Give --from or --last, not both.") }
        let start = from?.value
        let end = to?.value
        if let start, let end, start >= end {
            throw ValidationError(
                "--from must be before --to, which is not included here (unlike ig prices' --to): for the one bar "
                    + "starting at --from, give --to one bar later.")
        }
    }

    var key: SeriesKey {
        get throws {
            SeriesKey(
                environment: environment ?? Self.defaultEnvironment, epic: Epic(rawValue: epic),
                resolution: try Resolution(parsing: resolution))
        }
    }

    /// The series to read from `store`. `--environment` may be typed in lower case or as a URL with a trailing `/`.
    /// Without it: SIMULATOR's, unless the store holds none of it there and exactly one other environment holds it
    /// (`ig history sync --base-url …` stores under the URL); that one is read and named on standard error.
    func key(in store: MarketDataStore) async throws -> SeriesKey {
        let asked = try key
        if environment != nil {
            // The name as typed when the store holds this series under it (a server URL stored with its trailing
            // `/` before names lost it), else the store's name for it (`demo` is DEMO).
            let canonical = SeriesKey(
                environment: IGEnvironment.storeName(typed: asked.environment), epic: asked.epic,
                resolution: asked.resolution)
            guard canonical != asked, try await store.coverage(asked).ranges.isEmpty else { return asked }
            return canonical
        }
        guard try await store.coverage(asked).ranges.isEmpty else { return asked }
        let holders = Set(
            try await store.status()
                .filter { $0.bars > 0 && $0.key.epic == asked.epic && $0.key.resolution == asked.resolution }
                .map(\.key.environment))
        guard holders.count == 1, let only = holders.first else { return asked }
        Console.note(
            "Reading \(asked.epic.rawValue) \(asked.resolution.rawValue) stored under \(only), the one environment "
                + "that holds it (--environment chooses another).")
        return SeriesKey(environment: only, epic: asked.epic, resolution: asked.resolution)
    }

    /// Whether `--from`, `--to` or `--last` was given.
    var rangeGiven: Bool { from != nil || to != nil || last != nil }

    /// The range asked for: from `--from` (or `--last` before `--to` or `now`, or the first stored bar) to `--to` (or
    /// after the last).
    func range(now: Date = Date()) -> TimeRange {
        if let last {
            let end = to?.value ?? now
            return TimeRange(
                start: TimeRange.seconds(end.addingTimeInterval(-last.seconds)),
                end: to.map { TimeRange.seconds($0.value) } ?? Int64.max / 2)
        }
        return TimeRange(
            start: from.map { TimeRange.seconds($0.value) } ?? Int64.min / 2,
            end: to.map { TimeRange.seconds($0.value) } ?? Int64.max / 2)
    }
}
