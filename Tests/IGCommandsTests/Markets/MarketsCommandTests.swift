import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig markets")
struct MarketsCommandTests {
    @Test("ig markets search and get against a running simulator")
    func searchAndGet() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString]
            let search = try await runIG(["markets", "search", "EUR/USD", "--format", "csv"] + base)
            #expect(search.hasPrefix("EPIC,NAME,TYPE"))
            #expect(search.contains("CS.D.EURUSD.MINI.IP"))
            let market = try await runIG(["markets", "get", "IX.D.FTSE.DAILY.IP"] + base)
            #expect(market.contains("Min deal size"))
        }
    }

    @Test("ig markets nav: the root as a table, a leaf as CSV")
    func navigation() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString]
            let root = try await runIG(["markets", "nav"] + base)
            #expect(root.contains("195235") && root.contains("Forex"))
            let leaf = try await runIG(["markets", "nav", "195236", "--format", "csv"] + base)
            #expect(leaf.contains("CS.D.EURUSD.TODAY.IP"))
        }
    }
}
