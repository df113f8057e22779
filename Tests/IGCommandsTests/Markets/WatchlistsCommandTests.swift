import Foundation
import IGSimulator
import IGSimulatorTesting
import Testing

@Suite("ig watchlists")
struct WatchlistsCommandTests {
    @Test("ig watchlists create, list and show against a running simulator")
    func watchlists() async throws {
        try await IGSimulator.withRunning { _, url in
            let base = ["--base-url", url.absoluteString]
            let created = try await runIG(["watchlists", "create", "cli list", "IX.D.FTSE.DAILY.IP"] + base)
            #expect(created.contains("Created watchlist"))
            let lists = try await runIG(["watchlists", "list"] + base)
            #expect(lists.contains("Popular Markets") && lists.contains("cli list"))
            let show = try await runIG(["watchlists", "show", "Popular Markets"] + base)
            #expect(show.contains("IX.D.FTSE.DAILY.IP"))
        }
    }
}
