import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

/// Runs `body` against a simulator for tests (``SimulatorConfiguration/testing``), changed by `configure`.
func withSimulator<T>(
    _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
    _ body: (IGSimulator, URL) async throws -> T
) async throws -> T {
    var configuration = SimulatorConfiguration.testing
    configure(&configuration)
    return try await IGSimulator.withRunning(configuration: configuration, body)
}

/// A client of the simulator at `url` that never paces itself, logged in as `identifier`.
func withClient<T>(
    _ url: URL, identifier: String = "demo-user", _ body: (IGClient) async throws -> T
) async throws -> T {
    var credentials = IGCredentials.simulator
    credentials.identifier = identifier
    return try await IGClient.withClient(
        simulatorAt: url, configuration: IGClient.Configuration(rateLimiting: .fixed(.testing)),
        credentials: credentials, body)
}

/// The PostgreSQL server of `.ci/postgres.sh`, when `IG_TEST_POSTGRES_URL` is set.
enum PostgresTesting {
    static let url: String? = ProcessInfo.processInfo.environment["IG_TEST_POSTGRES_URL"].flatMap {
        $0.isEmpty ? nil : $0
    }

    /// Whether PostgreSQL tests run (they need `IG_TEST_POSTGRES_URL`; `.ci/run` sets it via `.ci/postgres.sh`).
    static var available: Bool { url != nil }
}

/// Where a test's store lives.
enum StoreKind: String, CustomStringConvertible, CaseIterable, Sendable {
    case sqlite
    case postgres

    var description: String { rawValue }
}

/// Opens a fresh store of `kind`: a new SQLite file, or a new schema-free database on the test server (each test
/// gets its own database, dropped afterwards).
func withStore<T>(_ kind: StoreKind, _ body: (MarketDataStore) async throws -> T) async throws -> T {
    switch kind {
    case .sqlite:
        return try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/store.sqlite"))
            do {
                let result = try await body(store)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    case .postgres:
        return try await withPostgresDatabase { url in
            let store = try await MarketDataStore.open(try StoreLocation(parsing: url))
            do {
                let result = try await body(store)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

/// A new empty database on the test server for `body` (created and dropped with `psql`).
func withPostgresDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
    guard let base = PostgresTesting.url, let parsed = try? PostgresURL(parsing: base) else {
        throw StoreError(.invalidLocation, "IG_TEST_POSTGRES_URL is not set")
    }
    let name = "igmd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    try await runSQL(parsed, "CREATE DATABASE \(name)")
    let url = "postgres://\(parsed.user)@\(parsed.host):\(parsed.port)/\(name)"
    do {
        let result = try await body(url)
        try? await runSQL(parsed, "DROP DATABASE \(name) WITH (FORCE)")
        return result
    } catch {
        try? await runSQL(parsed, "DROP DATABASE \(name) WITH (FORCE)")
        throw error
    }
}

/// `psql` running one statement against the server's maintenance database.
func psqlProcess(
    _ url: PostgresURL, _ sql: String, database: String = "postgres", standardOutput: String? = nil
) throws -> ChildProcess {
    // The versioned binary first: Debian's /usr/bin/psql is pg_wrapper, a Perl script that starts Perl (about 20 ms of
    // CPU) before it runs the same binary, and the tests start psql hundreds of times.
    let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
        .sorted { (Int($0) ?? 0, $0) > (Int($1) ?? 0, $1) }
    let candidates = versions.map { "/usr/lib/postgresql/\($0)/bin/psql" } + ["/usr/bin/psql"]
    guard let psql = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw StoreError(.invalidLocation, "psql not found")
    }
    return try ChildProcess(
        executable: psql,
        arguments: [
            "-h", url.host, "-p", String(url.port), "-U", url.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qtAc",
            sql,
        ], standardOutput: standardOutput)
}

/// Runs one SQL statement with `psql`, waiting without blocking a concurrency thread.
func runSQL(_ url: PostgresURL, _ sql: String, database: String = "postgres") async throws {
    let process = try psqlProcess(url, sql, database: database)
    let status = try await process.exit()
    guard status == 0 else {
        throw StoreError(.database, "psql failed (\(status)) on: \(sql)")
    }
}

/// Runs one SQL query with `psql` and returns what it printed (unaligned, tuples only), trimmed.
func querySQL(_ url: PostgresURL, _ sql: String, database: String) async throws -> String {
    try await withTemporaryDirectory { directory in
        let output = directory + "/output.txt"
        let psql = try psqlProcess(url, sql, database: database, standardOutput: output)
        let status = try await psql.exit()
        guard status == 0 else { throw StoreError(.database, "psql failed (\(status)) on: \(sql)") }
        return try String(contentsOfFile: output, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Runs one SQL statement with `psql` from synchronous code (a progress callback), polling for its exit.
func runSQLBlocking(_ url: PostgresURL, _ sql: String) throws {
    let process = try psqlProcess(url, sql)
    while process.isRunning { usleep(20_000) }
}

/// UTC date from `yyyy-MM-ddTHH:mm:ss`.
func utc(_ text: String) -> Date {
    IGDateFormat.iso.date(from: text) ?? Date(timeIntervalSince1970: 0)
}

let eurusd = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")

/// Allowances that are reported but never run out (a million points a week, not enforced), for long syncs.
func plentifulAllowance(_ configuration: inout SimulatorConfiguration) {
    configuration.allowances = SimulatorAllowances(
        applicationOverall: 1_000_000, accountOverall: 1_000_000, accountTrading: 1_000_000,
        historicalDataPoints: 1_000_000, enforced: false)
}

/// Opens the store at `location` for `body` and closes it on every path.
func withOpenStore<T>(_ location: String, _ body: (MarketDataStore) async throws -> T) async throws -> T {
    let store = try await MarketDataStore.open(try StoreLocation(parsing: location))
    do {
        let result = try await body(store)
        await store.close()
        return result
    } catch {
        await store.close()
        throw error
    }
}
