import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@Suite("Watchlists through the client")
struct WatchlistClientTests {
    @Test("create with epics, add, remove, delete; the system watchlist stays; ids with spaces work")
    func lifecycle() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let initial = try await client.watchlists.list()
                let popular = try #require(initial.first { $0.defaultSystemWatchlist == true })
                #expect(popular.id == "Popular Markets" && popular.deleteable == false)
                #expect(try await !client.watchlists.markets(in: popular.id).isEmpty)

                let created = try await client.watchlists.create(
                    name: "test_swift one", epics: ["CS.D.EURUSD.TODAY.IP", "CS.D.NOSUCH.TODAY.IP"])
                #expect(created.status == .successNotAllInstrumentsAdded)
                #expect(try await client.watchlists.add("IX.D.FTSE.DAILY.IP", to: created.watchlistId) == .success)
                var epics = try await client.watchlists.markets(in: created.watchlistId).map(\.epic)
                #expect(epics == ["CS.D.EURUSD.TODAY.IP", "IX.D.FTSE.DAILY.IP"])
                try await client.watchlists.remove("CS.D.EURUSD.TODAY.IP", from: created.watchlistId)
                epics = try await client.watchlists.markets(in: created.watchlistId).map(\.epic)
                #expect(epics == ["IX.D.FTSE.DAILY.IP"])

                let duplicate = await igError { _ = try await client.watchlists.create(name: "test_swift one") }
                #expect(duplicate?.errorCode?.rawValue == "error.watchlists.management.duplicate-name")
                let badEpic = await igError { try await client.watchlists.add("nope", to: created.watchlistId) }
                #expect(badEpic?.errorCode?.rawValue == "error.service.watchlists.add-instrument.invalid-epic")
                let system = await igError { try await client.watchlists.delete(popular.id) }
                #expect(system?.errorCode?.rawValue == "error.watchlists.management.cannot-delete-watchlist")

                #expect(try await client.watchlists.delete(created.watchlistId) == .success)
                let missing = await igError { _ = try await client.watchlists.markets(in: created.watchlistId) }
                #expect(missing?.httpStatus == 404 && missing?.errorCode?.rawValue == "error.invalid.watchlist")
                #expect(try await client.watchlists.list().count == initial.count)
            }
        }
    }

    @Test("watchlists persist per account for the life of the simulator")
    func persistence() async throws {
        try await IGSimulator.withRunning { _, url in
            let id = try await withClient(url) { client in
                try await client.watchlists.create(name: "kept").watchlistId
            }
            let spreadBet = try await withClient(url) { client in try await client.watchlists.list() }
            #expect(spreadBet.contains { $0.id == id })
            let cfd = try await withClient(url, accountId: "ZCF02") { client in try await client.watchlists.list() }
            #expect(!cfd.contains { $0.id == id })
        }
    }
}
