import Foundation
import Testing

/// `ig orders` against the embedded simulator.
@Suite("ig orders")
struct OrdersCommandTests {
    @Test func dryRunSendsNothing() async throws {
        let output = try await runIG([
            "orders", "place", "CS.D.BITCOIN.TODAY.IP", "BUY", "0.1", "1000", "--type", "LIMIT", "--dry-run",
        ])
        #expect(output.hasPrefix("dealReference: SWIG-"))
        #expect(output.contains("dry run: nothing sent"))
        #expect(output.contains("POST /gateway/deal/workingorders/otc"))
    }

    @Test func listIsEmptyOnAFreshSimulator() async throws {
        let orders = try await runIG(["orders", "list", "--format", "csv"])
        #expect(orders.hasPrefix("DEAL ID,EPIC"))
    }
}
