import Foundation
import IGMarketData
import IGModels

extension PriceReplay {
    /// Reads every series of `resolution` of one environment of a market-data store into a replay.
    ///
    /// - Parameters:
    ///   - store: an open store (SQLite file or PostgreSQL).
    ///   - environment: the store's environment to replay (`DEMO`, `LIVE` or a simulator URL); nil takes the one
    ///     holding the most series of `resolution`.
    ///   - resolution: the bars to replay (MINUTE by default).
    ///   - catalog: the markets the simulator knows (stored epics outside it are ignored).
    /// - Throws: ``PriceReplayError`` with the code ``PriceReplayError/Code/store`` when the store cannot be read,
    ///   ``PriceReplayError/Code/empty`` when it holds nothing to replay, ``PriceReplayError/Code/quoting`` when an
    ///   epic was recorded in another quoting than the simulator's and ``PriceReplayError/Code/unsupportedResolution``
    ///   for WEEK and MONTH.
    public static func load(
        from store: MarketDataStore, environment: String? = nil, resolution: PriceResolution = .minute,
        catalog: Catalog = Catalog()
    ) async throws(PriceReplayError) -> PriceReplay {
        // WEEK and MONTH are refused before the store is read: whether or not it holds such bars, they cannot be
        // replayed.
        guard resolution.fixedSeconds != nil, let storedResolution = Resolution(rawValue: resolution.rawValue) else {
            throw .unsupportedResolution(resolution)
        }
        let statuses: [SeriesStatus]
        do {
            statuses = try await store.status(environment: environment)
        } catch {
            throw .store(error)
        }
        let matching = statuses.filter { $0.key.resolution == storedResolution && $0.bars > 0 }
        let counts = Dictionary(grouping: matching, by: \.key.environment).mapValues(\.count)
        guard
            let chosen = environment
                ?? counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
        else { throw .empty }
        var bars = [String: [ReplayBar]]()
        for status in matching where status.key.environment == chosen {
            guard catalog.instrument(epic: status.key.epic.rawValue) != nil,
                let first = status.coverage.ranges.first?.start, let last = status.coverage.ranges.last?.end
            else { continue }
            let table: PriceTable
            do {
                table = try await store.table(status.key, in: TimeRange(start: first, end: last))
            } catch {
                throw .store(error)
            }
            bars[status.key.epic.rawValue] = table.rows.compactMap(Self.replayBar)
        }
        let ticks = try await Self.loadTicks(from: store, environment: chosen, catalog: catalog)
        for epic in Set(bars.keys).union(ticks.keys) {
            try await Self.checkQuoting(epic: epic, store: store, environment: chosen, catalog: catalog)
        }
        return try PriceReplay(bars: bars, resolution: resolution, catalog: catalog, ticks: ticks)
    }

    /// The recorded ticks (with their spans and gaps) of every epic of `environment` the catalog knows.
    static func loadTicks(
        from store: MarketDataStore, environment: String, catalog: Catalog
    ) async throws(PriceReplayError) -> [String: ReplayTickRecording] {
        var result = [String: ReplayTickRecording]()
        do {
            let streams = try await store.recordingEnds(environment: environment).keys
                .filter { $0.stream == RecordedStream.ticks && catalog.instrument(epic: $0.epic.rawValue) != nil }
            for stream in streams.sorted(by: { $0.epic.rawValue < $1.epic.rawValue }) {
                let spans = try await store.spans(stream)
                let gaps = try await store.gaps(environment: environment, epic: stream.epic, stream: stream.stream)
                let recorded = try await store.ticks(
                    stream.epic, environment: environment, from: Date(timeIntervalSince1970: 0),
                    to: Date(timeIntervalSince1970: 253_402_300_799))
                func interval(_ start: Int64, _ end: Int64) -> DateInterval {
                    DateInterval(
                        start: Date(timeIntervalSince1970: TimeInterval(start) / 1000),
                        end: Date(timeIntervalSince1970: TimeInterval(Swift.max(start, end)) / 1000))
                }
                var ticks = [ReplayTick]()
                var lastSpread: Decimal?
                for tick in recorded {
                    guard let bid = tick.bid else { continue }
                    if let offer = tick.offer { lastSpread = offer - bid }
                    guard let spread = lastSpread else { continue }
                    ticks.append(ReplayTick(time: tick.date, bid: Self.double(bid), offer: Self.double(bid + spread)))
                }
                guard !ticks.isEmpty else { continue }
                result[stream.epic.rawValue] = ReplayTickRecording(
                    ticks: ticks, spans: spans.map { interval($0.start, $0.end) },
                    // What another recorder's span covers is no gap (the ticks are there): replayed as ticks.
                    gaps: gaps.flatMap { $0.uncovered(by: spans) }.map { interval($0.start, $0.end) })
            }
        } catch {
            throw .store(error)
        }
        return result
    }

    /// Refuses an epic whose stored market details quote it on another scale than the simulator does (a recording
    /// made before a change of quoting convention would replay at the wrong magnitude).
    static func checkQuoting(
        epic: String, store: MarketDataStore, environment: String, catalog: Catalog
    ) async throws(PriceReplayError) {
        guard let instrument = catalog.instrument(epic: epic) else { return }
        let stored: StoredMarket?
        do { stored = try await store.market(epic: epic, environment: environment) } catch {
            throw .store(error)
        }
        guard let scaling = stored?.scalingFactor, scaling != Decimal(instrument.scalingFactor) else { return }
        throw .quoting(epic: epic, stored: "\(scaling)", simulator: "\(instrument.scalingFactor)")
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// A stored row as a replay bar (nil when its bid is incomplete).
    static func replayBar(_ row: PriceTable.Row) -> ReplayBar? {
        guard let open = row.bid.open, let high = row.bid.high, let low = row.bid.low, let close = row.bid.close
        else { return nil }
        let spread = row.ask.close.map { $0 - close } ?? 0
        func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
        let volume = row.volume.map { NSDecimalNumber(decimal: $0).intValue } ?? 1
        return ReplayBar(
            start: row.time, open: double(open), high: double(high), low: double(low), close: double(close),
            spread: double(spread), volume: Swift.max(1, volume))
    }
}
