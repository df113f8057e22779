import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Client sentiment and category routes over HTTP")
struct SentimentRouteTests {
    @Test("percentages are JSON floats summing to exactly 100.0; trailing slash and duplicates tolerated")
    func sentiment() async throws {
        try await SimulatorHarness.with(unpacedConfiguration()) { sim in
            let tokens = try await sim.login()
            let one = try await sim.send(.GET, "/clientsentiment/FT100", tokens: tokens)
            #expect(one.json.keySet == ["marketId", "longPositionPercentage", "shortPositionPercentage"])
            let text = String(decoding: one.body, as: UTF8.self)
            #expect(
                text.range(
                    of: #""longPositionPercentage":\d+\.0,"shortPositionPercentage":\d+\.0"#,
                    options: .regularExpression) != nil)
            let several = try await sim.send(.GET, "/clientsentiment/?marketIds=FT100,GC,FT100", tokens: tokens)
            let items = several.json["clientSentiments"]?.elements ?? []
            #expect(items.count == 3 && items[0] == one.json)
            let related = try await sim.send(.GET, "/clientsentiment/related/GBPUSD", tokens: tokens)
            let relatedItems = related.json["clientSentiments"]?.elements ?? []
            #expect(!relatedItems.isEmpty)
            for item in items + relatedItems {
                guard let long = item["longPositionPercentage"]?.doubleValue,
                    let short = item["shortPositionPercentage"]?.doubleValue
                else {
                    Issue.record("not floats: \(item)")
                    continue
                }
                #expect(long + short == 100.0)
            }
        }
    }

    @Test("categories and category instruments with paging")
    func categories() async throws {
        try await SimulatorHarness.with(unpacedConfiguration()) { sim in
            let tokens = try await sim.login()
            let categories = try await sim.send(.GET, "/categories", tokens: tokens)
            #expect(categories.json["categories"]?.elements.first?.keySet == ["code", "nonTradeable"])
            let page = try await sim.send(
                .GET, "/categories/INDICES/instruments?pageSize=3&pageNumber=0", tokens: tokens)
            #expect(page.json["instruments"]?.elements.count == 3)
            #expect(page.json["metadata"] == ["pageNumber": 0, "pageSize": 3])
            let bad = try await sim.send(.GET, "/categories/INDICES/instruments?pageSize=0", tokens: tokens)
            #expect(bad.status == 400)
            let unknown = try await sim.send(.GET, "/categories/NOPE/instruments", tokens: tokens)
            #expect(unknown.status == 404)
        }
    }
}
