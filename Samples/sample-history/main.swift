// sample-history: IG's historical prices kept in a market-data store, so each bar costs one point once.
//
// Asks for three days of HOUR bars through a PriceCache (fetched from IG and stored), asks again (served from the
// store, 0 points), asks a range that overlaps them (only the new bars paid), then plans and runs a small backfill of
// two series with a reserve, and reads the stored bars back.
//
// By default it talks to an IG simulator embedded in the process (with IG's weekly allowance of 10,000 points,
// enforced). With IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY set (as for trading-ig) it talks
// to IG's DEMO and spends real points: a few hundred on the first run, none on a later run with the same store.
//
// Environment: HISTORY_STORE (an SQLite file kept between runs; default a temporary one, removed at the end),
// HISTORY_EPIC (default CS.D.EURUSD.TODAY.IP), HISTORY_SECOND_EPIC (the backfill's other series, default
// CS.D.GBPUSD.TODAY.IP).

import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading

let environment = ProcessInfo.processInfo.environment
let epic = Epic(rawValue: environment["HISTORY_EPIC"] ?? "CS.D.EURUSD.TODAY.IP")
let secondEpic = Epic(rawValue: environment["HISTORY_SECOND_EPIC"] ?? "CS.D.GBPUSD.TODAY.IP")

// 1. A client: IG's DEMO with credentials, else an embedded simulator.
var simulator: IGSimulator?
let client: IGClient
// The name the store files series under. An embedded simulator listens on a new port each run, and the store would
// file each run under its own URL (paying again for the same bars): name it as `ig` does.
var storeEnvironment: String?
if let credentials = try? IGCredentials.fromEnvironment() {
    client = try IGClient(configuration: IGClient.Configuration(environment: .demo), credentials: credentials)
    print("Using IG DEMO")
} else {
    var configuration = SimulatorConfiguration(port: 0)
    configuration.host = "127.0.0.1"
    let embedded = try IGSimulator(configuration: configuration)
    let url = try await embedded.start()
    simulator = embedded
    storeEnvironment = IGEnvironment.simulatorStoreName
    print("Using an embedded IG simulator at \(url.absoluteString)")
    client = try IGClient(
        configuration: IGClient.Configuration(environment: .custom(url)),
        credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
}

// 2. The store: an SQLite file, created with its schema when missing.
let temporary = NSTemporaryDirectory() + "sample-history-" + UUID().uuidString
let path = environment["HISTORY_STORE"] ?? temporary + "/prices.sqlite"
let store = try await MarketDataStore.open(.sqlite(path: path))
print("Store: \(path)")

/// A UTC time written as `ig` reads it (`2025-03-03`, `2025-03-05T23:00`).
func utc(_ text: String) -> Date { UTCDateText.date(text)! }
/// A time as UTC text.
func text(_ date: Date) -> String { IGDateFormat.iso.string(from: date) + "Z" }

do {
    // 3. The cache: served from the store, only what it lacks fetched from IG (and stored).
    let cache = PriceCache(store: store, client: client, environment: storeEnvironment)
    /// Asks for the HOUR bars of `epic` from `from` to `to` (both included, like IG) and says where they came from.
    func ask(_ label: String, from: String, to: String) async throws -> CachedPrices {
        let result = try await cache.table(epic: epic, resolution: .hour, from: utc(from), to: utc(to))
        print(
            "\(label) \(epic) HOUR \(from) to \(to): \(result.table.rows.count) bars, \(result.fromStore) from the "
                + "store, \(result.fetched) from IG; \(result.pointsSpent) points spent")
        return result
    }
    print("")
    _ = try await ask("First ask: ", from: "2025-03-03T00:00", to: "2025-03-05T23:00")
    _ = try await ask("Again:     ", from: "2025-03-03T00:00", to: "2025-03-05T23:00")
    let overlap = try await ask("Overlap:   ", from: "2025-03-05T00:00", to: "2025-03-06T23:00")
    if let allowance = overlap.table.allowance {
        print("IG says \(allowance.remainingAllowance) of \(allowance.totalAllowance) points remain this week")
    }

    // 4. A backfill: the week of both series, less what the store holds, cut into units; a reserve kept unspent.
    let week = TimeRange(from: utc("2025-03-03"), to: utc("2025-03-10"))
    let targets = [
        SyncTarget(epic: epic, resolution: .hour, range: week),
        SyncTarget(epic: secondEpic, resolution: .hour, range: week),
    ]
    let filedUnder = cache.environment
    // The plan reads the store: its coverage, what its shared queue holds (another process may be fetching it), and
    // the trading week each epic showed.
    let plan = try await BackfillPlan(targets: targets, store: store, environment: filedUnder)
    print("\nPlan: \(plan.unitCount) units, about \(plan.estimatedPoints) points (at most \(plan.points))")
    for item in plan.items {
        print("  \(item.key.epic) \(item.key.resolution): units \(item.units.count), at most \(item.points) points")
    }
    // No worker name: the runner names itself as `ig history sync` does (host, account, process id), and first
    // takes back what an ended run of this machine and account held (killed mid-unit), instead of after its lease.
    // Cancelling the task that runs it (on Ctrl-C, say) releases the unit in hand and returns the report.
    let runner = BackfillRunner(cache: cache, reserve: 1_000)
    let report = try await runner.run(plan)
    print(
        "Backfill: \(report.units) units, \(report.bars) bars, \(report.points) points "
            + "(\(report.probePoints) of them to ask IG what remains); stopped: \(report.stop); "
            + "\(report.remaining.map(String.init) ?? "?") points remain, a reserve of \(runner.reserve) kept")
    for failure in report.failures { print("  refused: \(failure)") }
    print("  claimed as worker \(report.worker ?? "-") in the store's shared queue")

    // 5. What the store now holds, read back without IG (spread-bet FX is quoted in points, as IG quotes it).
    print("\nStored (\(filedUnder)):")
    for series in try await store.status(environment: filedUnder) {
        let bars = try await store.table(series.key, in: week).rows
        let mids = bars.map(\.mid)
        let low = mids.compactMap(\.low).min().map { "\($0)" } ?? "-"
        let high = mids.compactMap(\.high).max().map { "\($0)" } ?? "-"
        print(
            "  \(series.key.epic) \(series.key.resolution): \(bars.count) bars, "
                + "\(bars.first.map { text($0.time) } ?? "-") to \(bars.last.map { text($0.time) } ?? "-"), "
                + "mid low \(low) high \(high)")
    }
} catch {
    print("error: \(error)")
    try? await client.shutdown()
    await store.close()
    try? await simulator?.shutdown()
    try? FileManager.default.removeItem(atPath: temporary)
    exit(1)
}
try await client.shutdown()
await store.close()
try await simulator?.shutdown()
try? FileManager.default.removeItem(atPath: temporary)
