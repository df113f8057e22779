import ArgumentParser
import Foundation
import IGMarketData

/// `--store PATH|URL`: the market-data store of `ig history` and `ig prices`.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The market-data store: an SQLite file or a postgres:// URL.",
            discussion: "Default: $IG_STORE, else ~/.local/share/swift-ig/market-data.sqlite.",
            valueName: "path|url"))
    var store: String?

    /// The store named by `--store`, else `IG_STORE`, else nil.
    func explicitLocation(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> StoreLocation? {
        guard let text = store ?? environment["IG_STORE"].flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        do { return try StoreLocation(parsing: text) } catch { throw ValidationError(error.description) }
    }

    /// The store named by `--store` or `IG_STORE`, else the default SQLite file.
    func location() throws -> StoreLocation {
        try explicitLocation() ?? .defaultSQLite()
    }

    /// Opens the store and runs `body`, closing it afterwards.
    func withStore<T>(_ location: StoreLocation, _ body: (MarketDataStore) async throws -> T) async throws -> T {
        let store: MarketDataStore
        do { store = try await MarketDataStore.open(location) } catch { throw CommandFailure(error.description) }
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
