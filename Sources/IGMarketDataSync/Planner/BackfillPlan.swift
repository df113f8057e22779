public import Foundation
public import IGMarketData
public import IGModels

/// What a sync has to fetch, computed from the store's coverage: pure, no I/O.
///
/// Missing ranges are cut on a fixed UTC grid (``cellSeconds(_:)``), so every process that plans the same targets
/// cuts the same units and a shared queue never holds two units for the same range. Units are ordered least recently
/// updated series first (never-fetched series before all others), then oldest range first.
public struct BackfillPlan: Sendable, Hashable {
    /// One series of the plan.
    public struct Item: Sendable, Hashable {
        /// The series.
        public var key: SeriesKey
        /// Missing ranges in grid cells, oldest first.
        public var units: [TimeRange]
        /// Points the units need at most (one per possible bar start).
        public var points: Int
        /// Points the units are expected to need: bar starts on the market's trading days (``TradingWeek``).
        public var estimatedPoints: Int
        /// The trading days the estimate assumed.
        public var tradingWeek: TradingWeek
        /// When the series last changed in the store (nil: never).
        public var updatedAt: Date?
    }

    /// Series with something missing, in the order they run.
    public var items: [Item]

    /// Points the whole plan needs at most.
    public var points: Int { items.reduce(0) { $0 + $1.points } }

    /// Points the whole plan is expected to need (weekends left out for markets that close then).
    public var estimatedPoints: Int { items.reduce(0) { $0 + $1.estimatedPoints } }

    /// Units of the whole plan.
    public var unitCount: Int { items.reduce(0) { $0 + $1.units.count } }

    /// The length of a unit's grid cell: one UTC day of MINUTE bars (1,440 points at most), scaled by resolution.
    public static func cellSeconds(_ resolution: Resolution) -> Int64 {
        Int64(resolution.seconds) * 1440
    }

    /// The most points a plan may need: 100 million, some 190 years of one account's weekly allowance of 10,000.
    /// A larger plan is a mistyped range (SECOND bars from the year 1 would be 45 billion points and 44 million
    /// units); it is refused before its units are cut.
    public static let pointLimit = 100_000_000

    /// Plans `targets` against the current coverage. Each target is clipped to bars already final at `now`.
    /// `tradingWeeks` gives the trading days of epics for ``estimatedPoints``; an epic not in it is assumed to
    /// trade on weekdays only, like most of IG's markets.
    ///
    /// ``init(targets:store:environment:now:limit:)`` gathers these from a store, as `ig history sync` does; use this
    /// one to plan against coverage from elsewhere. `coverage` and `updatedAt` come from the store's
    /// `MarketDataStore.status(environment:)`. Add to `coverage` the ranges the store's queue holds
    /// (`MarketDataStore.openUnits(environment:)`, all but the failed ones): a worker commits a unit page by page,
    /// so without them the rest of a unit another process is fetching is planned as a new unit and fetched twice.
    /// The trading weeks come from ``TradingWeek/observed(in:environment:epic:)``. Epics are planned as given: the
    /// store's letter case of each is applied by the store's initializer, and by ``BackfillRunner`` when it queues
    /// the units.
    ///
    /// - Throws: ``PlanTooLarge`` when the missing ranges hold more than `limit` possible bars.
    public init(
        targets: [SyncTarget], environment: String, coverage: [SeriesKey: Coverage], updatedAt: [SeriesKey: Date],
        now: Date = Date(), tradingWeeks: [Epic: TradingWeek] = [:], limit: Int = pointLimit
    ) throws(PlanTooLarge) {
        var byKey: [SeriesKey: [TimeRange]] = [:]
        var order: [SeriesKey] = []
        let nowSecond = TimeRange.seconds(now)
        for target in targets {
            let key = SeriesKey(environment: environment, epic: target.epic, resolution: target.resolution)
            let settled = BarClock.start(containing: nowSecond, target.resolution)
            let wanted = target.range.clamped(to: TimeRange(start: target.range.start, end: settled))
            let gaps = (coverage[key] ?? Coverage()).missing(in: wanted)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []] += gaps
        }
        var merged: [SeriesKey: [TimeRange]] = [:]
        var needed = 0
        for key in order {
            let ranges = Coverage(byKey[key] ?? []).ranges
            merged[key] = ranges
            for gap in ranges {
                needed += BarClock.barCount(in: gap, key.resolution)
                // Checked as it adds up: the sum stays far below Int's range (one gap holds at most some 3 × 10^11).
                if needed > limit { throw PlanTooLarge(points: needed, limit: limit, series: key) }
            }
        }
        var items: [Item] = []
        for key in order {
            let cell = Self.cellSeconds(key.resolution)
            var units: [TimeRange] = []
            for gap in merged[key] ?? [] {
                var start = gap.start
                while start < gap.end {
                    let cellEnd = (BarClockGrid.floor(start, cell) + cell)
                    let end = min(gap.end, cellEnd)
                    let unit = TimeRange(start: start, end: end)
                    if BarClock.barCount(in: unit, key.resolution) > 0 { units.append(unit) }
                    start = end
                }
            }
            let points = units.reduce(0) { $0 + BarClock.barCount(in: $1, key.resolution) }
            let week = tradingWeeks[key.epic] ?? .weekdays
            let estimated = units.reduce(0) { $0 + week.barCount(in: $1, key.resolution) }
            if !units.isEmpty {
                items.append(
                    Item(
                        key: key, units: units, points: points, estimatedPoints: estimated, tradingWeek: week,
                        updatedAt: updatedAt[key]))
            }
        }
        items.sort { lhs, rhs in
            switch (lhs.updatedAt, rhs.updatedAt) {
            case (nil, nil): return false
            case (nil, _): return true
            case (_, nil): return false
            case (let left?, let right?): return left < right
            }
        }
        self.items = items
    }

    /// The plan as queue entries, in order (priority = position).
    public var plannedUnits: [PlannedUnit] {
        var result: [PlannedUnit] = []
        for item in items {
            for unit in item.units {
                result.append(
                    PlannedUnit(
                        key: item.key, range: unit, points: BarClock.barCount(in: unit, item.key.resolution),
                        priority: Int64(result.count)))
            }
        }
        return result
    }
}

/// Floor division on the unit grid.
enum BarClockGrid {
    static func floor(_ value: Int64, _ step: Int64) -> Int64 {
        value >= 0 ? value / step * step : ((value - step + 1) / step) * step
    }
}
