import IGMarketData
import IGModels

extension PriceCache {
    /// The spelling the store files `epic` under in ``environment`` (`MarketDataStore.spelling(of:environment:)`):
    /// the one it holds in any letter case, else `epic` as given.
    func storedSpelling(of epic: Epic) async throws(PriceCacheError) -> Epic {
        do { return try await store.spelling(of: epic, environment: environment) } catch { throw .store(error) }
    }
}
