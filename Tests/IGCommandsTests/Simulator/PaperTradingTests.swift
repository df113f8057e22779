import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@testable import IGCommands

@Suite("Paper trading: prices relayed from another server, orders kept in the simulator")
struct PaperTradingTests {
    static let epic = Epic(rawValue: "IX.D.FTSE.DAILY.IP")

    /// Reads the paper simulator's quote until it equals `expected` (the relay is asynchronous), at most 5 s.
    static func waitForQuote(
        _ client: IGClient, _ expected: (Decimal?, Decimal?)
    ) async throws -> (Decimal?, Decimal?) {
        var quote: (Decimal?, Decimal?) = (nil, nil)
        for _ in 0..<250 {
            let snapshot = try await client.markets.get(Self.epic).snapshot
            quote = (snapshot.bid, snapshot.offer)
            if quote == expected { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        return quote
    }

    @Test func fillsAreAtTheSourcesBidAndOfferAndNoDealingRequestReachesIt() async throws {
        // The stand-in for IG: a simulator with another seed on a stepped clock, so its prices hold still until moved.
        var sourceConfiguration = SimulatorConfiguration.testing
        sourceConfiguration.seed = 977
        sourceConfiguration.clock = .stepped(start: Date(timeIntervalSince1970: 1_740_992_400))  // 2025-03-03 09:00Z
        sourceConfiguration.accessTokenLifetime = .seconds(86_400)
        // One tick a second: the streamed tick of a second is its close, the quote REST gives (with more, a stopped
        // clock streams the second's first sub-tick).
        sourceConfiguration.streaming.updatesPerSecond = 1
        try await IGSimulator.withRunning(configuration: sourceConfiguration) { source, sourceURL in
            try await IGClient.withClient(simulatorAt: sourceURL) { sourceClient in
                let live = try PriceReplay.live(epics: [Self.epic.rawValue], catalog: Catalog(now: Date()))
                var paperConfiguration = SimulatorConfiguration.testing
                paperConfiguration.replay = live
                paperConfiguration.freshAccounts = true
                try await IGSimulator.withRunning(configuration: paperConfiguration) { paper, paperURL in
                    let relay = LivePriceRelay(
                        client: sourceClient, source: live, epics: [Self.epic], now: { paper.now })
                    try await relay.seed()
                    let relaying = Task { try await relay.run() }
                    defer { relaying.cancel() }
                    try await IGClient.withClient(simulatorAt: paperURL) { paperClient in
                        // The paper simulator quotes what the source quotes.
                        let first = try await sourceClient.markets.get(Self.epic).snapshot
                        let quoted = try await Self.waitForQuote(paperClient, (first.bid, first.offer))
                        #expect(quoted.0 == first.bid && quoted.1 == first.offer)
                        // A BUY fills at the source's offer.
                        let bought = try await paperClient.dealing.open(
                            PositionOrder(epic: Self.epic, direction: .buy, size: 1, forceOpen: true))
                        #expect(bought.dealStatus == .accepted)
                        #expect(bought.level == first.offer)

                        // The source moves an hour on: the new price streams over and the paper simulator follows.
                        try await source.advanceClock(by: .seconds(3600))
                        let moved = try await sourceClient.markets.get(Self.epic).snapshot
                        #expect(moved.bid != first.bid)
                        let followed = try await Self.waitForQuote(paperClient, (moved.bid, moved.offer))
                        #expect(followed.0 == moved.bid && followed.1 == moved.offer)
                        // A SELL fills at the source's new bid; the position and its P&L live in the paper simulator.
                        let sold = try await paperClient.dealing.open(
                            PositionOrder(epic: Self.epic, direction: .sell, size: 1, forceOpen: true))
                        #expect(sold.dealStatus == .accepted)
                        #expect(sold.level == moved.bid)
                        let positions = try await paperClient.dealing.positions()
                        #expect(positions.count == 2)
                    }
                    relaying.cancel()
                    _ = await relaying.result
                    // Counted on the source's side: the relay logged in and read prices, and never dealt.
                    let sourceStatistics = await source.statistics()
                    #expect(sourceStatistics.dealingRequests == 0)
                    #expect(sourceStatistics.requests > 0)
                    #expect(await paper.statistics().dealingRequests > 0)
                    #expect(await source.statistics().dealingRequests == 0)
                }
            }
        }
    }
}
