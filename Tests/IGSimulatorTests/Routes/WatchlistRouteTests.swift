import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// A simulator configuration whose allowances are not enforced, so route tests are never paced.
func unpacedConfiguration() -> SimulatorConfiguration {
    var configuration = SimulatorConfiguration(port: 0)
    configuration.allowances = .unlimited
    return configuration
}

@Suite("Watchlist routes over HTTP")
struct WatchlistRouteTests {
    @Test("IG's shapes, statuses and error codes; POST + _method DELETE; ids with spaces")
    func shapes() async throws {
        try await SimulatorHarness.with(unpacedConfiguration()) { sim in
            let tokens = try await sim.login()
            let list = try await sim.send(.GET, "/watchlists", tokens: tokens)
            let popular = try #require(list.json["watchlists"]?.elements.first)
            #expect(popular.keySet == ["id", "name", "editable", "deleteable", "defaultSystemWatchlist"])
            #expect(popular["id"] == "Popular Markets" && popular["defaultSystemWatchlist"] == true)
            let markets = try await sim.send(.GET, "/watchlists/Popular%20Markets", tokens: tokens)
            #expect(markets.status == 200 && !(markets.json["markets"]?.elements.isEmpty ?? true))

            let created = try await sim.send(
                .POST, "/watchlists", tokens: tokens, body: #"{"name":"test_1","epics":["CS.D.EURUSD.TODAY.IP"]}"#)
            #expect(created.json["status"] == "SUCCESS")
            let id = try #require(created.json["watchlistId"]?.stringValue)
            let add = try await sim.send(
                .PUT, "/watchlists/\(id)", tokens: tokens, body: #"{"epic":"IX.D.FTSE.DAILY.IP"}"#)
            #expect(add.json == ["status": "SUCCESS"])
            let remove = try await sim.send(
                .POST, "/watchlists/\(id)/CS.D.EURUSD.TODAY.IP", tokens: tokens, headers: [("_method", "DELETE")])
            #expect(remove.json == ["status": "SUCCESS"])
            let after = try await sim.send(.GET, "/watchlists/\(id)", tokens: tokens)
            #expect(after.json["markets"]?.elements.map { $0["epic"] } == ["IX.D.FTSE.DAILY.IP"])

            let duplicate = try await sim.send(.POST, "/watchlists", tokens: tokens, body: #"{"name":"test_1"}"#)
            #expect(duplicate.status == 400 && duplicate.errorCode == "error.watchlists.management.duplicate-name")
            let system = try await sim.send(.DELETE, "/watchlists/Popular%20Markets", tokens: tokens)
            #expect(system.status == 400 && system.errorCode == "error.watchlists.management.cannot-delete-watchlist")
            let deleted = try await sim.send(
                .POST, "/watchlists/\(id)", tokens: tokens, headers: [("_method", "DELETE")])
            #expect(deleted.json == ["status": "SUCCESS"])
            let gone = try await sim.send(.GET, "/watchlists/\(id)", tokens: tokens)
            #expect(gone.status == 404 && gone.errorCode == "error.invalid.watchlist")
            let unknown = try await sim.send(.DELETE, "/watchlists/\(id)", tokens: tokens)
            #expect(unknown.status == 400 && unknown.errorCode == "error.watchlists.management.watchlist-not-found")
        }
    }
}
