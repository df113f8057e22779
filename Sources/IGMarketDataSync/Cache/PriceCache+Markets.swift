public import Foundation
import IGMarketData
public import IGModels
import IGTrading

extension PriceCache {
    /// How long stored market details count as fresh: older ones are asked of IG again when the epic's prices are.
    public static let marketDetailsLifetime: TimeInterval = 86_400

    /// Stores IG's market details of `epic` (name, instrument type, scaling factor and the whole body, dealing rules
    /// included) when the store has none for this environment or they are older than ``marketDetailsLifetime``.
    ///
    /// The cache calls it before it asks IG for prices, so the details are those of the time the bars were fetched.
    /// It costs one market-details request (not historical points) per epic and day. IG failing to answer is not an
    /// error here (the prices are what was asked for; the next fetch tries again); the store failing is. An epic the
    /// store holds in another letter case is asked for and filed in the spelling the store holds.
    public func rememberMarket(_ epic: Epic, now: Date = Date()) async throws(PriceCacheError) {
        try await rememberMarket(spelled: try await storedSpelling(of: epic), now: now)
    }

    /// ``rememberMarket(_:now:)`` for an epic already in the store's spelling (a series key the cache built), so a
    /// fetch does not read the store's spellings again.
    func rememberMarket(spelled epic: Epic, now: Date = Date()) async throws(PriceCacheError) {
        do {
            if let stored = try await store.market(epic: epic.rawValue, environment: environment),
                now.timeIntervalSince(stored.updatedAt) < Self.marketDetailsLifetime
            {
                return
            }
        } catch {
            throw .store(error)
        }
        guard let details = try? await client.markets.get(epic) else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let body = try? encoder.encode(details) else { return }
        do {
            try await store.save(
                StoredMarket(
                    epic: epic.rawValue, name: details.instrument.name,
                    instrumentType: details.instrument.type?.rawValue, scalingFactor: details.snapshot.scalingFactor,
                    details: body, updatedAt: now),
                environment: environment)
        } catch {
            throw .store(error)
        }
    }
}
