import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import Testing

/// The shared queue's units that are not done, as `ig history status` lists them, on each engine.
enum OpenUnitsScenarios {
    static func day(_ index: Int64) -> TimeRange {
        TimeRange(start: 1_741_046_400 + index * 86_400, end: 1_741_046_400 + (index + 1) * 86_400)
    }

    /// Pending, claimed and failed units come back with their series, range, points, worker and claim, in claiming
    /// order, per environment or all; a unit done is no longer listed.
    static func listed(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let demo = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .hour)
            let live = SeriesKey(environment: "LIVE", epic: eurusd, resolution: .hour)
            let units =
                (0..<3).map { PlannedUnit(key: demo, range: day($0), points: 24, priority: $0) }
                + [PlannedUnit(key: live, range: day(0), points: 24, priority: 0)]
            #expect(try await store.enqueue(units) == 4)
            #expect(try await store.openUnits().map(\.state) == [.pending, .pending, .pending, .pending])

            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let expiry = now.addingTimeInterval(300)
            let held = try #require(try await store.claim(environment: "DEMO", worker: "a", until: expiry, now: now))
            let refused = try #require(try await store.claim(environment: "DEMO", worker: "b", until: expiry, now: now))
            try await store.fail(unit: refused.unit.id, worker: "b")

            let open = try await store.openUnits(environment: "DEMO")
            #expect(open.map(\.state) == [.claimed, .failed, .pending])
            #expect(open.map(\.unit.range) == [day(0), day(1), day(2)])
            #expect(open.allSatisfy { $0.unit.key == demo && $0.unit.points == 24 })
            #expect(open[0].unit == held.unit && open[0].worker == "a" && open[0].claimExpires == expiry)
            #expect(open[1].unit == refused.unit && open[1].worker == "b" && open[1].claimExpires == nil)
            #expect(open[2].worker == nil && open[2].claimExpires == nil)

            let all = try await store.openUnits()
            #expect(all.map(\.unit.key.environment) == ["DEMO", "DEMO", "DEMO", "LIVE"])
            #expect(try await store.openUnits(environment: "PAPER").isEmpty)

            try await store.commit(FetchedBars(key: demo, rows: [], covered: day(0)), completing: held.unit.id)
            #expect(try await store.openUnits(environment: "DEMO").map(\.unit.range) == [day(1), day(2)])
        }
    }

    /// Dropping the queue removes units waiting or refused, and claims run out, of one series or an environment;
    /// a live claim, the units of other series and environments, the bars and the coverage stay.
    static func dropped(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let hour = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .hour)
            let day = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .day)
            let live = SeriesKey(environment: "LIVE", epic: eurusd, resolution: .hour)
            let rows = (0..<24).map { index in
                let price = Decimal(sign: .plus, exponent: -5, significand: Decimal(108_000 + index))
                return PriceTable.Row(
                    time: Date(timeIntervalSince1970: TimeInterval(1_741_046_400 + index * 3_600)),
                    bid: .init(open: price, high: price, low: price, close: price),
                    ask: .init(open: price, high: price, low: price, close: price),
                    lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: nil)
            }
            try await store.commit(FetchedBars(key: hour, rows: rows, covered: Self.day(0)))
            _ = try await store.enqueue(
                (1..<5).map { PlannedUnit(key: hour, range: Self.day($0), points: 24, priority: $0) }
                    + [PlannedUnit(key: day, range: Self.day(1), points: 1, priority: 0)]
                    + [PlannedUnit(key: live, range: Self.day(1), points: 24, priority: 0)])
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            // Day 1 of DAY is claimed first (priority 0); then HOUR's days 1, 2 and 3 in turn.
            _ = try #require(try await store.claim(environment: "DEMO", worker: "d", until: now + 300, now: now))
            let live1 = try #require(
                try await store.claim(environment: "DEMO", worker: "a", until: now + 300, now: now))
            let refused = try #require(
                try await store.claim(environment: "DEMO", worker: "b", until: now + 300, now: now))
            try await store.fail(unit: refused.unit.id, worker: "b")
            let expired = try #require(
                try await store.claim(environment: "DEMO", worker: "c", until: now - 1, now: now))
            #expect(
                [live1.unit.range, refused.unit.range, expired.unit.range] == [Self.day(1), Self.day(2), Self.day(3)])

            // Of HOUR: the refused unit, the expired claim and day 4 go; the live claim on day 1 stays.
            #expect(try await store.dropQueued(environment: "DEMO", key: hour, now: now) == 3)
            let left = try await store.openUnits()
            #expect(left.map(\.unit.key) == [day, hour, live])
            #expect(left[1].state == .claimed && left[1].worker == "a")
            #expect(try await store.table(hour, in: Self.day(0)).rows.count == 24)
            #expect(try await store.coverage(hour).ranges == [Self.day(0)])

            // The whole environment, once the claims ran out: DEMO's queue is empty, LIVE's stays.
            #expect(try await store.dropQueued(environment: "DEMO", now: now + 301) == 2)
            #expect(try await store.openUnits().map(\.unit.key) == [live])
            #expect(try await store.dropQueued(environment: "PAPER", now: now) == 0)
        }
    }

    /// A plan made from the store (``BackfillPlan/init(targets:store:environment:now:limit:)``) leaves out what it
    /// covers and what its queue holds, waiting or claimed by another worker, but plans a refused unit's range again;
    /// the plan made from coverage alone would cut the queued ranges a second time.
    static func plannedFromStore(_ kind: StoreKind) async throws {
        try await withStore(kind) { store in
            let demo = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .hour)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            // Day 0 stored (empty: covered), days 1–3 queued; day 1 claimed by another worker, day 2 refused.
            try await store.commit(FetchedBars(key: demo, rows: [], covered: day(0)), now: now)
            _ = try await store.enqueue(
                (1...3).map { PlannedUnit(key: demo, range: day($0), points: 24, priority: $0) })
            let expiry = now.addingTimeInterval(300)
            #expect(try await store.claim(environment: "DEMO", worker: "a", until: expiry, now: now) != nil)
            let refused = try #require(try await store.claim(environment: "DEMO", worker: "b", until: expiry, now: now))
            try await store.fail(unit: refused.unit.id, worker: "b")

            let target = SyncTarget(
                epic: eurusd, resolution: .hour, range: TimeRange(start: day(0).start, end: day(5).end))
            let plan = try await BackfillPlan(targets: [target], store: store, environment: "DEMO", now: now)
            #expect(plan.items.map(\.key) == [demo])
            // Days 2 (refused), 4 and 5, each a unit of its grid cell (a day of HOUR bars is 1,440 hours' cell).
            let planned = Coverage(plan.items.flatMap(\.units))
            #expect(planned.ranges == [day(2), TimeRange(start: day(4).start, end: day(5).end)], "\(planned.ranges)")
            #expect(plan.items.first?.updatedAt != nil, "the stored day's change is known")

            // From coverage alone, the queued days 1 and 3 would be planned again.
            let coverageOnly = try BackfillPlan(
                targets: [target], environment: "DEMO", coverage: [demo: try await store.coverage(demo)],
                updatedAt: [:], now: now)
            #expect(
                Coverage(coverageOnly.items.flatMap(\.units)).ranges == [
                    TimeRange(start: day(1).start, end: day(5).end)
                ])

            // Another environment's queue does not hide this one's ranges.
            let live = try await BackfillPlan(targets: [target], store: store, environment: "LIVE", now: now)
            #expect(Coverage(live.items.flatMap(\.units)).ranges == [TimeRange(start: day(0).start, end: day(5).end)])
        }
    }
}
