import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import Testing

/// A unit IG refuses (an unknown epic), on each engine: set aside, never holding up the queue.
enum RefusedUnitScenarios {
    static let nosuch = Epic(rawValue: "CS.D.NOSUCH.IP")
    static let day = TimeRange(from: utc("2025-03-04T00:00:00"), to: utc("2025-03-05T00:00:00"))

    /// The refused unit is marked failed and the plan's other units are fetched; a later run of other targets is
    /// not held up by it (it failed on it every time); asking for it again retries it.
    static func setAside(_ kind: StoreKind) async throws {
        try await withSimulator { _, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    let environment = cache.environment
                    let runner = BackfillRunner(cache: cache, worker: "test", reserve: 0)
                    let both = [
                        SyncTarget(epic: nosuch, resolution: .hour, range: day),
                        SyncTarget(epic: eurusd, resolution: .hour, range: day),
                    ]
                    let first = try await runner.run(
                        try await PlannerTests.plan(store, environment: environment, targets: both))
                    #expect(first.stop == .done)
                    #expect(first.units == 1 && first.bars == 24)
                    #expect(first.failures.map(\.key.epic) == [nosuch])
                    #expect(first.failures.first?.errorCode == "error.unsupported.epic")
                    #expect(first.failures.first?.reason.contains("ig markets search") == true)
                    #expect(
                        try await store.queue(environment: environment)
                            == QueueStatus(pending: 0, claimed: 0, done: 1, failed: 1))

                    // Another target: the refused unit stays aside (before, every later run failed on it).
                    let next = SyncTarget(
                        epic: eurusd, resolution: .hour,
                        range: TimeRange(from: utc("2025-03-05T00:00:00"), to: utc("2025-03-06T00:00:00")))
                    let second = try await runner.run(
                        try await PlannerTests.plan(store, environment: environment, targets: [next]))
                    #expect(second.units == 1 && second.failures.isEmpty)

                    // Asked for again, it is queued again and refused again.
                    let third = try await runner.run(
                        try await PlannerTests.plan(store, environment: environment, targets: [both[0]]))
                    #expect(third.units == 0 && third.failures.count == 1)
                    #expect(
                        try await store.queue(environment: environment)
                            == QueueStatus(pending: 0, claimed: 0, done: 2, failed: 1))
                }
            }
        }
    }
}
