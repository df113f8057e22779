import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

/// A close whose answer was lost is reconciled from the account's activity: executed (fully or partly) by this
/// request, closed by something else (a stop), or not executed, never "ACCEPTED" just because the position is gone.
@Suite("Close reconciliation from the activity")
struct CloseReconciliationTests {
    @Test(arguments: [(Decimal(string: "0.3")!, true), (Decimal(1), false)])
    func aLostCloseAnswerIsReadFromTheActivity(size: Decimal, partial: Bool) async throws {
        try await DealingWorkflowTests.withDealingClient { simulator, client in
            let opened = try await client.dealing.open(
                PositionOrder(epic: DealingWorkflowTests.bitcoin, direction: .buy, size: 1),
                options: DealingOptions(validate: false))
            let dealId = try #require(opened.dealId)
            await simulator.injectDealingFault(.dropResponse, count: 1)
            let closed = try await client.dealing.close(PositionClose(dealId: dealId, direction: .sell, size: size))
            #expect(closed.isAccepted)
            #expect(closed.source == .activity)
            #expect(closed.status == (partial ? .partiallyClosed : .closed))
            #expect(closed.affectedDeals?.first?.status == (partial ? .partiallyClosed : .fullyClosed))
            #expect(closed.size == size)
            #expect(try await client.dealing.positions().count == (partial ? 1 : 0))
            #expect(await simulator.injectedDealingFaults()[.dropResponse] == 1)
        }
    }

    @Test func aCloseThatNeverRanIsNotReportedAccepted() async throws {
        try await DealingWorkflowTests.withDealingClient { simulator, client in
            let opened = try await client.dealing.open(
                PositionOrder(epic: DealingWorkflowTests.bitcoin, direction: .buy, size: 1),
                options: DealingOptions(validate: false))
            let dealId = try #require(opened.dealId)
            // A 502 without IG's body: ambiguous for the client, but nothing was executed.
            await simulator.injectError(status: 502, errorCode: "", count: 1, pathPrefix: "/positions/otc")
            let error = await dealingError {
                _ = try await client.dealing.close(PositionClose(dealId: dealId, direction: .sell, size: 1))
            }
            #expect(error?.kind == .outcomeUnknown)
            #expect("\(error.map { "\($0)" } ?? "")".contains("still open"))
        }
    }

    private static func activity(channel: String, action: String, size: Decimal, date: String) throws -> Activity {
        let json = """
            {"date":"\(date)","epic":"CS.D.BITCOIN.TODAY.IP","period":"DFB","dealId":"DIAAAA1","channel":"\(channel)",
            "type":"POSITION","status":"ACCEPTED","description":"closed",
            "details":{"dealReference":"REF","actions":[{"actionType":"\(action)","affectedDealId":"DIAAAA1"}],
            "size":\(size),"level":100.5}}
            """
        return try JSONDecoder().decode(Activity.self, from: Data(json.utf8))
    }

    @Test func evidenceTellsWhoClosedThePosition() throws {
        let since = try #require(IGDateFormat.iso.date(from: "2026-01-02T10:00:00"))
        let system = try Self.activity(
            channel: "SYSTEM", action: "POSITION_CLOSED", size: 1, date: "2026-01-02T10:00:01")
        let api = try Self.activity(
            channel: "PUBLIC_WEB_API", action: "POSITION_PARTIALLY_CLOSED", size: 0.3, date: "2026-01-02T10:00:02")
        let earlier = try Self.activity(
            channel: "PUBLIC_WEB_API", action: "POSITION_CLOSED", size: 1, date: "2026-01-02T09:59:00")
        #expect(
            CloseEvidence.assess([system], dealId: "DIAAAA1", size: 1, since: since)
                == .closedByOther(channel: "SYSTEM"))
        #expect(
            CloseEvidence.assess([system, api], dealId: "DIAAAA1", size: 0.3, since: since)
                == .executed(partial: true, level: 100.5, size: 0.3))
        #expect(CloseEvidence.assess([earlier], dealId: "DIAAAA1", size: 1, since: since) == .none)
        #expect(CloseEvidence.assess([api], dealId: "DIAAAA2", size: 0.3, since: since) == .none)
        #expect(
            CloseEvidence.assess([api], dealId: "DIAAAA1", size: 1, since: since)
                == .closedByOther(channel: "PUBLIC_WEB_API"), "a close of another size is not this one")
    }
}
