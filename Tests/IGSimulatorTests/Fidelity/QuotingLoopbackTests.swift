import Foundation
import IGModels
import IGSimulatorTesting
import IGTrading
import Testing

@testable import IGSimulator

/// Each family over loopback through `IGClient`, as a program written for IG sees it: the snapshot's scaling and
/// decimals, a bar in the same unit, a streamed PRICE update in the same unit, and (where the market deals now) an
/// open with a stop distance in points.
@Suite("Fidelity: quoting conventions per family (over loopback)")
struct QuotingLoopbackTests {
    static func withClient<T>(
        accountId: String = "ZSB01", _ body: (IGClient, URL) async throws -> T
    ) async throws -> T {
        var simulator = SimulatorConfiguration.testing
        simulator.dealing = DealingConfiguration(
            duplicateOrderWindow: .zero, startingBalances: ["ZSB01": 10_000_000, "ZCF02": 10_000_000])
        return try await IGSimulator.withRunning(configuration: simulator) { _, url in
            let configuration = IGClient.Configuration(
                accountId: AccountId(rawValue: accountId), rateLimiting: .fixed(.testing))
            return try await IGClient.withClient(simulatorAt: url, configuration: configuration) { client in
                try await body(client, url)
            }
        }
    }

    static func double(_ value: Decimal?) -> Double { value.map { ($0 as NSDecimalNumber).doubleValue } ?? .nan }

    @Test("snapshot and bar in the family's unit", arguments: QuotingCase.all)
    func snapshotAndBar(_ family: QuotingCase) async throws {
        try await Self.withClient { client, _ in
            let details = try await client.markets.get(Epic(rawValue: family.epic))
            #expect(details.snapshot.scalingFactor == Decimal(family.scalingFactor))
            #expect(details.snapshot.decimalPlacesFactor == family.decimals)
            let bid = Self.double(details.snapshot.bid)
            #expect(family.range.contains(bid), "snapshot bid \(bid) outside \(family.range)")
            #expect(details.dealingRules?.minNormalStopOrLimitDistance?.unit == .points)
            guard family.hasBars else { return }
            let prices = try await client.prices.history(
                epic: Epic(rawValue: family.epic), resolution: .hour, max: 3)
            let bar = try #require(prices.bars.last)
            let close = Self.double(bar.close.bid)
            #expect(family.range.contains(close), "bar close \(close) outside \(family.range)")
        }
    }

    @Test("a streamed PRICE update carries the level in the family's unit", arguments: QuotingCase.all)
    func streamedUpdate(_ family: QuotingCase) async throws {
        try await SimulatorHarness.with(StreamingTest.configuration()) { harness in
            let password = try await StreamingTest.password(harness)
            let (socket, _) = try await StreamingTest.connect(harness, password: password)
            socket.send(
                "control\r\nLS_reqId=1&LS_op=add&LS_subId=1&LS_mode=MERGE"
                    + "&LS_group=PRICE%3AZSB01%3A\(family.epic)&LS_schema=BIDPRICE1%20ASKPRICE1"
                    + "&LS_data_adapter=Pricing&LS_snapshot=true&LS_ack=false")
            let update = try #require(await socket.line(startingWith: "U,1,1,"))
            let tokens = StreamingTest.tokens(update)
            let bid = try #require(Double(tokens.first ?? ""), "update \(update)")
            #expect(family.range.contains(bid), "streamed bid \(bid) outside \(family.range)")
            let places = tokens.first?.split(separator: ".").last.map(\.count) ?? 0
            #expect(
                places <= family.decimals, "streamed \(tokens.first ?? "") has more than \(family.decimals) decimals")
            await socket.close()
        }
    }

    @Test("GET /markets?epics= with known and unknown epics answers the known ones, sorted by epic")
    func knownAndUnknownEpics() async throws {
        try await Self.withClient { client, _ in
            let epics: [Epic] = ["IX.D.SUNDAX.DAILY.IP", "XX.D.NOSUCH.TODAY.IP", "CS.D.GBPUSD.TODAY.IP"]
            let details = try await client.markets.get(epics)
            #expect(details.map(\.instrument.epic) == ["CS.D.GBPUSD.TODAY.IP", "IX.D.SUNDAX.DAILY.IP"])
            #expect(details.first?.snapshot.scalingFactor == 10000)
        }
    }

    @Test("an open with a stop distance in points lands at level − distance × point, when the market deals now")
    func openWithStopDistance() async throws {
        // Bitcoin deals every day, so at least one family is always exercised; the others when open.
        let cases = QuotingCase.all.filter { $0.accountId == "ZSB01" && $0.epic != "CS.D.USCGC.TODAY.IP" }
        try await Self.withClient { client, _ in
            var dealt = 0
            for family in cases {
                let details = try await client.markets.get(Epic(rawValue: family.epic))
                guard details.snapshot.marketStatus == .tradeable else { continue }
                let confirmation = try await client.dealing.open(
                    PositionOrder(
                        epic: Epic(rawValue: family.epic), direction: .buy, size: family.size,
                        expiry: details.instrument.expiry ?? "DFB", stopDistance: family.stopDistance),
                    options: DealingOptions(validate: false))
                #expect(confirmation.isAccepted, "\(family.epic): \(String(describing: confirmation.reason))")
                let level = try #require(confirmation.level)
                #expect(confirmation.stopLevel == level - family.stopDistance * family.point, "\(family.epic)")
                dealt += 1
            }
            #expect(dealt >= 1)
        }
    }
}
