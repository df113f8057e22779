import Foundation
import IGModels
import IGSimulator
import Testing

@testable import IGTrading

/// Version 1 of the dealing endpoints: the v2-only fields leave the body, the simulator accepts the v1 requests,
/// and what v1 cannot express is refused before sending.
@Suite("Dealing: IG version 1 of each mutation")
struct DealingVersionTests {
    @Test("open, amend, place, amend and cancel an order with Version 1")
    func versionOneLifecycle() async throws {
        try await DealingWorkflowTests.withDealingClient { _, client in
            let v1 = DealingOptions(validate: false, version: 1)
            let order = PositionOrder(
                epic: DealingWorkflowTests.bitcoin, direction: .buy, size: 0.5, timeInForce: .fillOrKill)
            let prepared = try await client.dealing.prepareOpen(order).adapted(toVersion: 1)
            #expect(prepared.version == 1 && !prepared.bodyText.contains("timeInForce"))
            #expect(prepared.bodyText.contains(#""dealReference""#))
            let opened = try await client.dealing.open(order, options: v1)
            #expect(opened.isAccepted)
            let dealId = try #require(opened.dealId)
            let level = try #require(opened.level)
            let amended = try await client.dealing.update(
                dealId, PositionAmendment(stopLevel: level - 1000), options: v1)
            #expect(amended.isAccepted && amended.status == .amended)
            #expect(try await client.dealing.positionV1(dealId).position.stopLevel == level - 1000)

            let placement = WorkingOrderPlacement(
                epic: DealingWorkflowTests.bitcoin, direction: .buy, size: 0.5, level: level - 5000, type: .limit)
            let placedRequest = try await client.dealing.preparePlace(placement, options: .init(validate: false))
            #expect(try placedRequest.adapted(toVersion: 1).bodyText.contains("forceOpen") == false)
            let placed = try await client.dealing.place(placement, options: v1)
            #expect(placed.isAccepted)
            let orderId = try #require(placed.dealId)
            let moved = try await client.dealing.updateOrder(
                orderId, WorkingOrderAmendment(level: level - 6000, type: .limit), options: v1)
            #expect(moved.isAccepted)
            #expect(try await client.dealing.workingOrdersV1().first?.workingOrderData.level == level - 6000)
            let cancelled = try await client.dealing.cancelOrder(orderId, options: v1)
            #expect(cancelled.isAccepted && cancelled.status == .deleted)
        }
    }

    @Test("what version 1 cannot express is refused before sending")
    func refusals() async throws {
        try await DealingWorkflowTests.withDealingClient { simulator, client in
            let before = await simulator.statistics().requests
            let trailing = PositionAmendment(
                stopLevel: 1, trailingStop: true, trailingStopDistance: 100, trailingStopIncrement: 10)
            do {
                _ = try await client.dealing.update("DIAAAAUNKNOWN01", trailing, options: .init(version: 1))
                Issue.record("a v1 trailing stop was sent")
            } catch let error as DealingError {
                #expect(error.kind == .validation)
            }
            do {
                _ = try client.dealing.prepareClose(
                    PositionClose(dealId: "DIAAAAUNKNOWN01", direction: .sell, size: 1)
                ).adapted(toVersion: 2)
                Issue.record("a close was adapted to a version IG does not have")
            } catch let error as DealingError {
                #expect(error.kind == .validation)
            }
            #expect(await simulator.statistics().requests == before)
        }
    }
}
