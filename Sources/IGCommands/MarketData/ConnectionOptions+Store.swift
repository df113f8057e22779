import IGMarketDataSync
import IGTrading

extension ConnectionOptions {
    /// The environment name the store files this connection's series under: `DEMO`, `LIVE`, `SIMULATOR` (the
    /// embedded simulator, whose port changes every run) or the `--base-url`.
    func storeEnvironment(for client: IGClient) -> String {
        if baseURL == nil, env == .sim { return IGEnvironment.simulatorStoreName }
        return client.configuration.environment.storeName
    }
}
