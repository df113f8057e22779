import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

/// Sprint markets through the client against the simulator.
@Suite("Sprint markets")
struct SprintMarketTests {
    static let ftseSprint: Epic = "FM.D.FTSE.FTSE.IP"

    @Test("a sprint market is a market with sprint expiry bounds; the client opens and lists positions")
    func openAndList() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let market = try await client.markets.get(Self.ftseSprint)
                #expect(market.instrument.type == .sprintMarket)
                #expect(market.instrument.sprintMarketsMinimumExpiryTime == 60)
                #expect(market.instrument.sprintMarketsMaximumExpiryTime == 3600)
                let order = SprintMarketOrder(
                    epic: Self.ftseSprint, direction: .buy, size: 10, expiryPeriod: .fiveMinutes)
                guard market.snapshot.marketStatus == .tradeable else {
                    // Outside the FTSE's trading hours IG refuses sprint orders before executing anything.
                    do {
                        _ = try await client.dealing.openSprint(order)
                        Issue.record("a sprint on a closed market was accepted")
                    } catch let error as DealingError {
                        #expect(error.kind == .requestFailed)
                        #expect(
                            error.underlying?.errorCode?.rawValue == "error.sprintmarket.create-position.market-closed")
                    }
                    return
                }
                let confirmation = try await client.dealing.openSprint(order)
                #expect(confirmation.isAccepted && confirmation.status == .open)
                let dealId = try #require(confirmation.dealId)
                let v2 = try await client.dealing.sprintPositions()
                #expect(v2.map(\.dealId) == [dealId])
                let position = try #require(v2.first)
                #expect(position.size == 10 && position.direction == .buy && position.payoutAmount == 18.5)
                #expect(position.strikeLevel == confirmation.level)
                let created = try #require(position.createdAt)
                #expect(try #require(position.expiresAt).timeIntervalSince(created) == 300)
                let v1 = try await client.dealing.sprintPositions(version: 1)
                #expect(v1.map(\.dealId) == [dealId] && v1[0].createdAt == nil)
                // The sprint shows up in the activity history.
                let activities = try await client.history.activities(detailed: true)
                #expect(activities.first?.details?.dealReference == confirmation.dealReference)
            }
        }
    }

    @Test("IG's sprint errors: bad period, bad stake, not a sprint market")
    func refusals() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let notSprint = SprintMarketOrder(
                    epic: "IX.D.FTSE.DAILY.IP", direction: .sell, size: 10, expiryPeriod: .oneMinute)
                do {
                    _ = try await client.dealing.openSprint(notSprint)
                    Issue.record("a sprint on an ordinary market was accepted")
                } catch let error as DealingError {
                    #expect(error.kind == .requestFailed)
                    #expect(error.underlying?.errorCode?.rawValue == "error.sprintmarket.create-position.failure")
                }
                let badPeriod = SprintMarketOrder(
                    epic: Self.ftseSprint, direction: .sell, size: 10, expiryPeriod: "THREE_HOURS")
                do {
                    _ = try await client.dealing.openSprint(badPeriod)
                    Issue.record("an unknown expiry period was accepted")
                } catch let error as DealingError {
                    #expect(
                        error.underlying?.errorCode?.rawValue
                            == "error.sprintmarket.create-position.expiry.outside-valid-range")
                }
                do {
                    _ = try client.dealing.prepareSprint(
                        SprintMarketOrder(epic: Self.ftseSprint, direction: .buy, size: 0, expiryPeriod: .oneMinute))
                    Issue.record("a zero stake was prepared")
                } catch let error as DealingError {
                    #expect(error.kind == .validation)
                }
                #expect(try await client.dealing.sprintPositions().isEmpty)
            }
        }
    }
}
