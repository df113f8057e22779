import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig sentiment")
struct SentimentCommandTests {
    @Test("ig sentiment for several markets as a table, related markets as JSON")
    func sentiment() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString]
            let sentiment = try await runIG(["sentiment", "FT100", "GC"] + base)
            #expect(sentiment.contains("LONG %") && sentiment.contains("FT100") && sentiment.contains("GC"))
            let json = try await runIG(["sentiment", "EURUSD", "--related", "--format", "json"] + base)
            #expect((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])?.isEmpty == false)
        }
    }
}
