import IGMarketData
import IGMarketDataSync
import IGTrading

/// `--environment` as typed, read against a store: `demo` is `DEMO`, `http://Host:8470/` is `http://host:8470`.
enum EnvironmentName {
    /// The store's name for `typed`. The name as typed is kept when the store holds series or recordings under it
    /// exactly (a store written before server names lost their trailing `/`).
    static func resolve(_ typed: String, in store: MarketDataStore) async throws -> String {
        let canonical = IGEnvironment.storeName(typed: typed)
        guard canonical != typed else { return typed }
        if try await !store.status(environment: typed).isEmpty { return typed }
        return try await store.recordings(environment: typed).isEmpty ? canonical : typed
    }
}
