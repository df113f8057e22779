import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading
import Testing

/// Starts a simulator on a free loopback port (allowances published, not enforced), runs `body`, shuts it down.
func withSimulator<T>(
    _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
    _ body: (IGSimulator, URL) async throws -> T
) async throws -> T {
    var configuration = SimulatorConfiguration(port: 0)
    configuration.allowances = .unlimited
    configure(&configuration)
    let simulator = try IGSimulator(configuration: configuration)
    let url = try await simulator.start()
    do {
        let result = try await body(simulator, url)
        try await simulator.shutdown()
        return result
    } catch {
        try? await simulator.shutdown()
        throw error
    }
}

/// A client logged in to the simulator at `url`, shut down after `body`.
func withClient<T>(
    _ url: URL, identifier: String = "demo-user", _ body: (IGClient) async throws -> T
) async throws -> T {
    let configuration = IGClient.Configuration(
        environment: .custom(url),
        rateLimiting: .fixed(
            IGAllowances(
                applicationOverall: 100_000, accountOverall: 100_000, accountTrading: 100_000,
                historicalDataPoints: 10_000_000)))
    let client = try IGClient(
        configuration: configuration,
        credentials: IGCredentials(identifier: identifier, password: "demo-password", apiKey: "demo-api-key"))
    do {
        let result = try await body(client)
        try await client.shutdown()
        return result
    } catch {
        try? await client.shutdown()
        throw error
    }
}

/// A fresh directory under the temporary directory, removed after `body`.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = NSTemporaryDirectory() + "igmd-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
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

/// A new empty database on the test server for `body` (created and dropped with `psql`'s sibling tools).
func withPostgresDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
    guard let base = PostgresTesting.url, let parsed = try? PostgresURL(parsing: base) else {
        throw StoreError(.invalidLocation, "IG_TEST_POSTGRES_URL is not set")
    }
    let name = "igmd_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    try runSQL(parsed, "CREATE DATABASE \(name)")
    defer { try? runSQL(parsed, "DROP DATABASE \(name) WITH (FORCE)") }
    var url = parsed
    url.database = name
    return try await body("postgres://\(url.user)@\(url.host):\(url.port)/\(name)")
}

/// Runs one SQL statement with `psql` against the server's maintenance database.
func runSQL(_ url: PostgresURL, _ sql: String, database: String = "postgres") throws {
    let process = Process()
    let candidates = ["/usr/bin/psql"] + ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))
        ?? []).map { "/usr/lib/postgresql/\($0)/bin/psql" }
    guard let psql = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        throw StoreError(.invalidLocation, "psql not found")
    }
    process.executableURL = URL(fileURLWithPath: psql)
    process.arguments = [
        "-h", url.host, "-p", String(url.port), "-U", url.user, "-d", database, "-v", "ON_ERROR_STOP=1", "-qtAc", sql,
    ]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw StoreError(.database, "psql failed (\(process.terminationStatus)) on: \(sql)")
    }
}

/// UTC date from `yyyy-MM-ddTHH:mm:ss`.
func utc(_ text: String) -> Date {
    IGDateFormat.iso.date(from: text) ?? Date(timeIntervalSince1970: 0)
}

let eurusd = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
