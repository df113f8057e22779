import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading

/// Paper trading's price feed: reads IG's prices for some epics (REST snapshot, then the `CHART:{epic}:TICK` stream)
/// and hands each bid and offer to a simulator's live price source.
///
/// The relay has no dealing path: it calls `markets.get` and subscribes to chart ticks, nothing else, and the source
/// it feeds only receives prices. Orders, positions, P&L and history stay in the paper simulator; no order can
/// reach IG through it.
struct LivePriceRelay: Sendable {
    /// The client logged in to IG (or to another IG-compatible server) the prices come from.
    let client: IGClient
    /// The paper simulator's live source.
    let source: PriceReplay
    /// The markets relayed.
    let epics: [Epic]
    /// The paper simulator's clock: quotes are filed at the time they arrive.
    let now: @Sendable () -> Date

    /// Feeds each epic's current bid and offer from REST, so the paper simulator quotes before the first tick.
    ///
    /// - Throws: the client's error when a market cannot be read, or ``CommandFailure`` when IG gives no price.
    func seed() async throws {
        for epic in epics {
            let market = try await client.markets.get(epic)
            guard let bid = market.snapshot.bid, let offer = market.snapshot.offer else {
                throw CommandFailure(
                    "\(epic.rawValue) has no bid and offer now (market \(market.snapshot.marketStatus?.rawValue ?? "?"))"
                        + "; paper trading needs a priced market.")
            }
            source.receive(epic: epic.rawValue, bid: Self.double(bid), offer: Self.double(offer), at: now())
        }
    }

    /// Streams the epics' ticks into the source until cancelled or until the stream fails.
    func run() async throws {
        let streaming = IGStreamingClient(client: client)
        let ticks = streaming.chartTicks(epics)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await streaming.run() }
            group.addTask {
                var latest = [String: (bid: Decimal?, offer: Decimal?)]()
                for try await event in ticks {
                    guard case .update(let tick) = event else { continue }
                    let key = tick.epic.rawValue
                    let bid = tick.bid ?? latest[key]?.bid
                    let offer = tick.offer ?? latest[key]?.offer
                    latest[key] = (bid, offer)
                    guard let bid, let offer else { continue }
                    source.receive(epic: key, bid: Self.double(bid), offer: Self.double(offer), at: now())
                }
            }
            defer { streaming.shutdown() }
            try await group.next()
            group.cancelAll()
        }
    }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }
}
