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
    /// - Throws: ``PriceReplayError`` when the store cannot be read or holds nothing to replay.
    public static func load(
        from store: MarketDataStore, environment: String? = nil, resolution: PriceResolution = .minute,
        catalog: Catalog = Catalog()
    ) async throws(PriceReplayError) -> PriceReplay {
        guard let storedResolution = Resolution(rawValue: resolution.rawValue) else {
            throw .unsupportedResolution(resolution.rawValue)
        }
        let statuses: [SeriesStatus]
        do {
            statuses = try await store.status(environment: environment)
        } catch {
            throw .store(error.description)
        }
        let matching = statuses.filter { $0.key.resolution == storedResolution && $0.bars > 0 }
        let counts = Dictionary(grouping: matching, by: \.key.environment).mapValues(\.count)
        guard
            let chosen = environment
                ?? counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
        else { throw .empty }
        var bars = [String: [ReplayBar]]()
        for status in matching where status.key.environment == chosen {
            guard let first = status.coverage.ranges.first?.start, let last = status.coverage.ranges.last?.end
            else { continue }
            let table: PriceTable
            do {
                table = try await store.table(status.key, in: TimeRange(start: first, end: last))
            } catch {
                throw .store(error.description)
            }
            bars[status.key.epic.rawValue] = table.rows.compactMap(Self.replayBar)
        }
        return try PriceReplay(bars: bars, resolution: resolution, catalog: catalog)
    }

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
