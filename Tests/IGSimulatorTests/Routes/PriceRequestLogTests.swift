import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Team logins and the price request log")
struct PriceRequestLogTests {
    @Test("--users 3: demo-user-2 and -3 log in with allowances of their own; -4 does not")
    func teamLogins() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.users = 3
        try await SimulatorHarness.with(configuration) { sim in
            let path = "/prices/CS.D.EURUSD.TODAY.IP?resolution=MINUTE&from=2025-03-04T10:00:00&to=2025-03-04T10:59:00"
            var remaining: [Int] = []
            for identifier in ["demo-user", "demo-user-2", "demo-user-3"] {
                let tokens = try await sim.login(identifier: identifier)
                let result = try await sim.send(.GET, path + "&pageSize=0", tokens: tokens, version: 3)
                #expect(result.status == 200)
                remaining.append(result.json["metadata"]?["allowance"]?["remainingAllowance"]?.intValue ?? -1)
            }
            // Each login spent 60 points of its own 10,000.
            #expect(remaining == [9_940, 9_940, 9_940])
            let refused = try await sim.send(
                .POST, "/session", version: 2, body: #"{"identifier":"demo-user-4","password":"demo-password"}"#)
            #expect(refused.status == 401)

            let log = await sim.simulator.priceRequests()
            #expect(log.map(\.identifier) == ["demo-user", "demo-user-2", "demo-user-3"])
            #expect(
                log.allSatisfy { $0.epic == "CS.D.EURUSD.TODAY.IP" && $0.resolution == "MINUTE" && $0.points == 60 })
            #expect(log.first?.from == "2025-03-04T10:00:00" && log.first?.to == "2025-03-04T10:59:00")

            let listed = try await sim.send(.GET, "/simulator/prices/requests")
            #expect(listed.status == 200)
            #expect(listed.json["points"] == 180)
            #expect(listed.json["requests"]?.elements.count == 3)
            #expect(try await sim.send(.DELETE, "/simulator/prices/requests").status == 200)
            #expect(await sim.simulator.priceRequests().isEmpty)
        }
    }

    @Test("one login by default: demo-user-2 is refused")
    func singleLogin() async throws {
        try await SimulatorHarness.with { sim in
            let refused = try await sim.send(
                .POST, "/session", version: 2, body: #"{"identifier":"demo-user-2","password":"demo-password"}"#)
            #expect(refused.status == 401)
        }
    }
}
