import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulatorTesting
import IGTrading
import Testing

/// A runner under this process's default name, on each engine: it takes back at once what an ended process of this
/// machine and account held, and leaves every other claim alone.
enum EndedWorkerScenarios {
    /// Tuesday 2025-03-04 and the days after it: one unit of HOUR bars each.
    static func day(_ index: Int64) -> TimeRange {
        TimeRange(start: 1_741_046_400 + index * 86_400, end: 1_741_046_400 + (index + 1) * 86_400)
    }

    /// Six units held for an hour: by an ended process of this machine and account (under its default name), and by
    /// names that must keep their units: a running process of this machine and account, the ended process's id
    /// under another account, this process's id under another account, another machine's name with the ended id, and
    /// a name given by hand. A runner with a name of its own takes none of them; the runner with the default name
    /// takes the ended process's unit at once (its claim had an hour to run) and nothing else.
    static func takenBack(_ kind: StoreKind) async throws {
        let ended = try ChildProcess(executable: "/bin/true", arguments: [])
        try await ended.exit()
        let running = try ChildProcess(executable: "/bin/sleep", arguments: ["600"])
        do {
            try await takenBack(kind, ended: ended.processIdentifier, running: running.processIdentifier)
        } catch {
            running.send(SIGKILL)
            try await running.exit()
            throw error
        }
        running.send(SIGKILL)
        try await running.exit()
    }

    static func takenBack(_ kind: StoreKind, ended: Int32, running: Int32) async throws {
        try await withSimulator { _, url in
            try await withClient(url) { client in
                try await withStore(kind) { store in
                    let cache = PriceCache(store: store, client: client)
                    let environment = cache.environment
                    try await client.session.login()
                    let account = try #require(await client.session.current?.accountId.rawValue)
                    let host = BackfillWorker.thisHost
                    let me = ProcessInfo.processInfo.processIdentifier
                    let holders = [
                        BackfillWorker(host: host, account: account, processIdentifier: ended).description,
                        BackfillWorker(host: host, account: account, processIdentifier: running).description,
                        BackfillWorker(host: host, account: "OTHER", processIdentifier: ended).description,
                        BackfillWorker(host: host, account: "OTHER", processIdentifier: me).description,
                        BackfillWorker(host: "another-machine.example", account: account, processIdentifier: ended)
                            .description,
                        "nightly",
                    ]
                    let key = SeriesKey(environment: environment, epic: eurusd, resolution: .hour)
                    _ = try await store.enqueue(
                        (0..<6).map { PlannedUnit(key: key, range: day($0), points: 24, priority: $0) })
                    // Whole seconds, as the store keeps times.
                    let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
                    let expiry = now.addingTimeInterval(3_600)
                    var heldBy: [String: TimeRange] = [:]
                    for holder in holders {
                        let claim = try #require(
                            try await store.claim(environment: environment, worker: holder, until: expiry, now: now))
                        heldBy[holder] = claim.unit.range
                    }
                    #expect(heldBy[holders[0]] == day(0))
                    let empty = try await BackfillPlan(targets: [], store: store, environment: environment)

                    // A name given by hand releases nothing: there is nothing for it to claim.
                    let named = try await BackfillRunner(cache: cache, worker: "by-hand", reserve: 0).run(empty)
                    #expect(named.worker == "by-hand")
                    #expect(named.units == 0 && named.stop == .done)
                    #expect(try await store.openUnits(environment: environment).map(\.worker) == holders)

                    // The default name takes back the ended process's unit, and only that.
                    let runner = BackfillRunner(cache: cache, reserve: 0)
                    #expect(runner.worker == nil)
                    let report = try await runner.run(empty)
                    #expect(report.worker == BackfillWorker.thisProcess(account: account).description)
                    #expect(report.stop == .done)
                    #expect(report.units == 1 && report.bars == 24)
                    #expect(try await store.coverage(key).ranges == [day(0)])
                    let left = try await store.openUnits(environment: environment)
                    #expect(left.map(\.worker) == Array(holders.dropFirst()))
                    #expect(left.allSatisfy { $0.state == .claimed && $0.claimExpires == expiry })
                    #expect(left.allSatisfy { heldBy[$0.worker ?? ""] == $0.unit.range })
                    #expect(
                        try await store.queue(environment: environment)
                            == QueueStatus(pending: 0, claimed: 5, done: 1, failed: 0))
                }
            }
        }
    }

    /// What ``BackfillWorker/releaseClaimsOfEndedProcesses(in:environment:now:)`` releases: the ended process's
    /// unit of this machine and account, in this environment only; a worker named after another machine releases
    /// nothing, since it cannot see that machine's processes.
    static func released(_ kind: StoreKind) async throws {
        let ended = try ChildProcess(executable: "/bin/true", arguments: [])
        try await ended.exit()
        try await withStore(kind) { store in
            let host = BackfillWorker.thisHost
            let gone = BackfillWorker(host: host, account: "ABC123", processIdentifier: ended.processIdentifier)
            let elsewhere = BackfillWorker(
                host: "another-machine.example", account: "ABC123", processIdentifier: ended.processIdentifier)
            let demo = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .hour)
            let live = SeriesKey(environment: "LIVE", epic: eurusd, resolution: .hour)
            _ = try await store.enqueue(
                (0..<2).map { PlannedUnit(key: demo, range: day($0), points: 24, priority: $0) }
                    + [PlannedUnit(key: live, range: day(0), points: 24, priority: 0)])
            let now = Date()
            for (environment, holder) in [("DEMO", gone), ("DEMO", elsewhere), ("LIVE", gone)] {
                _ = try #require(
                    try await store.claim(
                        environment: environment, worker: holder.description, until: now + 3_600, now: now))
            }

            let me = BackfillWorker.thisProcess(account: "ABC123")
            #expect(try await elsewhere.releaseClaimsOfEndedProcesses(in: store, environment: "DEMO").isEmpty)
            let released = try await me.releaseClaimsOfEndedProcesses(in: store, environment: "DEMO")
            #expect(released.map(\.unit.range) == [day(0)])
            #expect(released.map(\.worker) == [gone.description])
            let demoUnits = try await store.openUnits(environment: "DEMO")
            #expect(demoUnits.map(\.state) == [.pending, .claimed])
            #expect(demoUnits.map(\.worker) == [nil, elsewhere.description])
            #expect(try await store.openUnits(environment: "LIVE").map(\.worker) == [gone.description])
            #expect(try await me.releaseClaimsOfEndedProcesses(in: store, environment: "DEMO").isEmpty)
        }
    }
}
