import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@Suite("Client sentiment through the client")
struct SentimentClientTests {
    @Test("one, several and related: percentages sum to exactly 100")
    func sentiment() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let one = try await client.sentiment.get("FT100")
                #expect(one.marketId == "FT100")
                #expect(one.longPositionPercentage + one.shortPositionPercentage == 100)
                let many = try await client.sentiment.get(["FT100", "EURUSD", "GC", "FT100"])
                #expect(many.map(\.marketId) == ["FT100", "EURUSD", "GC", "FT100"])
                #expect(many[0] == one)
                let related = try await client.sentiment.related(to: "EURUSD")
                #expect(!related.isEmpty && !related.contains { $0.marketId == "EURUSD" })
                for item in many + related {
                    #expect(item.longPositionPercentage + item.shortPositionPercentage == 100)
                }
            }
        }
    }
}
