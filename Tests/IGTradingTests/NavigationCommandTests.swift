import Foundation
import Testing

@Suite("ig markets nav, sentiment, watchlists and apps")
struct NavigationCommandTests {
    @Test("each command against a running simulator, in table and JSON")
    func commands() async throws {
        try await withSimulator { _, url in
            let base = ["--base-url", url.absoluteString]
            let root = try await runIG(["markets", "nav"] + base)
            #expect(root.contains("195235") && root.contains("Forex"))
            let leaf = try await runIG(["markets", "nav", "195236", "--format", "csv"] + base)
            #expect(leaf.contains("CS.D.EURUSD.TODAY.IP"))
            let sentiment = try await runIG(["sentiment", "FT100", "GC"] + base)
            #expect(sentiment.contains("LONG %") && sentiment.contains("FT100") && sentiment.contains("GC"))
            let json = try await runIG(["sentiment", "EURUSD", "--related", "--format", "json"] + base)
            #expect((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])?.isEmpty == false)
            let created = try await runIG(["watchlists", "create", "cli list", "IX.D.FTSE.DAILY.IP"] + base)
            #expect(created.contains("Created watchlist"))
            let lists = try await runIG(["watchlists", "list"] + base)
            #expect(lists.contains("Popular Markets") && lists.contains("cli list"))
            let show = try await runIG(["watchlists", "show", "Popular Markets"] + base)
            #expect(show.contains("IX.D.FTSE.DAILY.IP"))
            let apps = try await runIG(["apps"] + base)
            #expect(apps.contains("ENABLED") && !apps.contains("demo-api-key"))
        }
    }
}
