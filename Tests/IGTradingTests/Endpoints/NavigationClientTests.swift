import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@Suite("Navigation, categories and market versions through the client")
struct NavigationClientTests {
    @Test("the navigation tree reaches every leaf market from the root")
    func walkTree() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let root = try await client.markets.navigation()
                #expect(root.nodes.contains { $0.id == "195235" && $0.name == "Forex" })
                #expect(root.markets.isEmpty)
                var queue = root.nodes.map(\.id)
                var epics = Set<Epic>()
                while let id = queue.popLast() {
                    let node = try await client.markets.navigation(id)
                    queue += node.nodes.map(\.id)
                    for market in node.markets {
                        #expect(market.otcTradeable == true)
                        epics.insert(market.market.epic)
                    }
                }
                #expect(epics.count >= 40)
                #expect(epics.contains("CS.D.EURUSD.TODAY.IP") && epics.contains("IX.D.ASX.IFM.IP"))
            }
        }
    }

    @Test("categories and their instruments, paged")
    func categories() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let categories = try await client.markets.categories()
                #expect(categories.contains { $0.code == "CURRENCIES" })
                let all = try await client.markets.instruments(inCategory: "CURRENCIES")
                let first = try await client.markets.instruments(inCategory: "CURRENCIES", pageNumber: 0, pageSize: 2)
                let second = try await client.markets.instruments(inCategory: "CURRENCIES", pageNumber: 1, pageSize: 2)
                #expect(first.instruments.count == 2 && second.metadata?.pageNumber == 1)
                #expect(all.instruments.prefix(4).map(\.epic) == (first.instruments + second.instruments).map(\.epic))
                let bad = await igError { _ = try await client.markets.instruments(inCategory: "X", pageSize: 0) }
                #expect(bad?.code == .invalidArgument)
            }
        }
    }

    @Test("markets by epic in v1, v2, v3 and by epics in v1 and v2 with both filters")
    func marketVersions() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let v1 = try await client.markets.get("IX.D.FTSE.DAILY.IP", version: 1)
                #expect(v1.instrument.marginFactor == nil && v1.dealingRules?.trailingStopsPreference == nil)
                let v2 = try await client.markets.get("IX.D.FTSE.DAILY.IP", version: 2)
                #expect(v2.instrument.marginFactor != nil && v2.dealingRules?.trailingStopsPreference != nil)
                #expect(try await client.markets.get("IX.D.FTSE.DAILY.IP").instrument.marketId == "FT100")
                let epics: [Epic] = ["IX.D.SPTRD.MONTH1.IP", "IX.D.FTSE.DAILY.IP"]
                let detailed = try await client.markets.get(epics)
                #expect(detailed.map(\.instrument.epic) == ["IX.D.FTSE.DAILY.IP", "IX.D.SPTRD.MONTH1.IP"])
                let snapshots = try await client.markets.get(epics, filter: .snapshotOnly)
                #expect(snapshots.allSatisfy { $0.dealingRules == nil && $0.instrument.name == nil })
                let legacy = try await client.markets.get(epics, version: 1)
                #expect(legacy.count == 2 && legacy[0].instrument.marginFactor == nil)
            }
        }
    }
}
