import Foundation
import IGMarketData
import IGSimulatorTesting
import Testing

@Suite("Opening a store to read creates nothing where there is none")
struct OpenWithoutCreatingTests {
    @Test("SQLite: no file, creating: false: noStore, and no file or folder is made")
    func sqlite() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/sub/store.sqlite"
            await #expect {
                _ = try await MarketDataStore.open(.sqlite(path: path), creating: false)
            } throws: { ($0 as? StoreError)?.code == .noStore }
            #expect(!FileManager.default.fileExists(atPath: directory + "/sub"))
            let created = try await MarketDataStore.open(.sqlite(path: path))
            await created.close()
            let reopened = try await MarketDataStore.open(.sqlite(path: path), creating: false)
            #expect(try await reopened.status().isEmpty)
            await reopened.close()
        }
    }

    @Test(
        "PostgreSQL: an empty database opened with creating: false gets no tables; a store is then opened as it is",
        .enabled(if: PostgresTesting.available))
    func postgres() async throws {
        try await withPostgresDatabase { url in
            let location = try StoreLocation(parsing: url)
            guard case .postgres(let parsed) = location else { throw StoreError(.invalidLocation, url) }
            let tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
            await #expect {
                _ = try await MarketDataStore.open(location, creating: false)
            } throws: { ($0 as? StoreError)?.code == .noStore }
            #expect(try await querySQL(parsed, tables, database: parsed.database) == "0")
            let created = try await MarketDataStore.open(location)
            await created.close()
            let count = try await querySQL(parsed, tables, database: parsed.database)
            #expect(Int(count) ?? 0 > 0, "\(count)")
            let reopened = try await MarketDataStore.open(location, creating: false)
            #expect(try await reopened.status().isEmpty)
            await reopened.close()
        }
    }
}
