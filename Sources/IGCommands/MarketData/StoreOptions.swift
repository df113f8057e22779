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

    /// The files of the SQLite store `location` names (the database and its journals), which an export must not
    /// replace; none for PostgreSQL.
    static func files(of location: StoreLocation) -> [String] {
        guard case .sqlite(let path) = location else { return [] }
        return [path, path + "-wal", path + "-shm", path + "-journal"]
    }

    /// The path of the SQLite file `location` names, when no file is there: a command that only reads or removes
    /// says so instead of creating an empty store (a mistyped `--store` used to leave a new file behind and report
    /// an empty store).
    static func missingFile(_ location: StoreLocation) -> String? {
        guard case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) else { return nil }
        return path
    }

    /// Opens the store at `location`, which must exist, and runs `body`, closing it afterwards. A missing SQLite
    /// file is a usage error (exit status 64), and nothing is created. With `readOnly` (a command that only reads),
    /// an SQLite store is opened without writing to it (``MarketDataStore/open(_:logger:creating:readOnly:)``).
    func withExistingStore<T>(
        _ location: StoreLocation, readOnly: Bool = false, _ body: (MarketDataStore) async throws -> T
    ) async throws -> T {
        guard let result = try await withStoreIfPresent(location, readOnly: readOnly, body) else {
            throw CommandFailure(Self.noStore(location.description) + " Check --store or IG_STORE.", kind: .usage)
        }
        return result
    }

    /// Opens the store at `location` when there is one and runs `body`; nil, with nothing created, when there is no
    /// SQLite file there or the PostgreSQL database holds no store's tables.
    func withStoreIfPresent<T>(
        _ location: StoreLocation, readOnly: Bool = false, _ body: (MarketDataStore) async throws -> T
    ) async throws -> T? {
        do {
            return try await withStore(location, creating: false, readOnly: readOnly, body)
        } catch let failure as CommandFailure where (failure.underlying as? StoreError)?.code == .noStore {
            return nil
        }
    }

    /// What is said of a store path (or database) with no store.
    static func noStore(_ path: String) -> String {
        "There is no store at \(path) yet: `ig history sync EPIC -r RESOLUTION --from DATE` creates it and fetches "
            + "into it."
    }

    /// Opens the store and runs `body`, closing it afterwards. An SQLite file that is not there yet is created (with
    /// its folders), and that is said on standard error unless `quietly`; with `creating: false` nothing is created
    /// (``MarketDataStore/open(_:logger:creating:readOnly:)``).
    func withStore<T>(
        _ location: StoreLocation, quietly: Bool = false, creating: Bool = true, readOnly: Bool = false,
        _ body: (MarketDataStore) async throws -> T
    ) async throws -> T {
        if !quietly, creating, !readOnly, let path = Self.missingFile(location) {
            Console.note("Creating a new store at \(path).")
        }
        let store: MarketDataStore
        do { store = try await MarketDataStore.open(location, creating: creating, readOnly: readOnly) } catch {
            throw CommandFailure(error)
        }
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
