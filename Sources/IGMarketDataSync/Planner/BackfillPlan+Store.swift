public import Foundation
public import IGMarketData
import IGModels

extension BackfillPlan {
    /// Plans `targets` against what `store` holds in `environment`, as `ig history sync` does: each series' coverage
    /// and last change (`MarketDataStore.status(environment:)`), the ranges the store's shared queue holds
    /// (`MarketDataStore.openUnits(environment:)`, all but the refused ones), and each epic's trading week as the
    /// store shows it (``TradingWeek/observed(in:environment:epic:)``).
    ///
    /// IG's epics name one market whatever their letter case, so each target's epic is planned in the spelling the
    /// store holds it in (`EpicSpellings`), and targets naming one epic in several letter cases are planned under the
    /// first of them: `cs.d.eurusd.today.ip` after `CS.D.EURUSD.TODAY.IP` was stored plans nothing new, and the
    /// plan's ``BackfillPlan/Item/key`` names the spelling used.
    ///
    /// The queue matters when several processes share a store: a worker commits its unit page by page, so a plan made
    /// from coverage alone would cut the rest of a unit another process is fetching as a new unit and fetch it twice.
    /// Units waiting in the queue are claimed by ``BackfillRunner/run(_:now:progress:waiting:)`` as they are; a refused
    /// unit is planned again when a target asks for its range.
    ///
    /// - Throws: `StoreError` when the store cannot be read; ``PlanTooLarge`` when the missing ranges hold more than
    ///   `limit` possible bars.
    public init(
        targets: [SyncTarget], store: MarketDataStore, environment: String, now: Date = Date(),
        limit: Int = pointLimit
    ) async throws {
        var spellings = try await EpicSpellings(of: store, environment: environment)
        let targets = targets.map { target in
            var target = target
            target.epic = spellings.file(target.epic, environment: environment)
            return target
        }
        var coverage: [SeriesKey: Coverage] = [:]
        var updated: [SeriesKey: Date] = [:]
        for status in try await store.status(environment: environment) {
            coverage[status.key] = status.coverage
            if let date = status.updatedAt { updated[status.key] = date }
        }
        for queued in try await store.openUnits(environment: environment) where queued.state != .failed {
            coverage[queued.unit.key, default: Coverage()].insert(queued.unit.range)
        }
        var weeks: [Epic: TradingWeek] = [:]
        for epic in Set(targets.map(\.epic)) {
            weeks[epic] = try await TradingWeek.observed(in: store, environment: environment, epic: epic)
        }
        try self.init(
            targets: targets, environment: environment, coverage: coverage, updatedAt: updated, now: now,
            tradingWeeks: weeks, limit: limit)
    }
}
