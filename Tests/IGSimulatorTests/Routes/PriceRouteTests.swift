import AsyncHTTPClient
import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Historical prices over HTTP")
struct PriceRouteTests {
    @Test func v3DayRangeShapeAndValuesMatchTheEngine() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let result = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.MINI.IP?resolution=DAY&from=2020-09-01T00:00:00&to=2020-09-04T23:59:59",
                tokens: tokens, version: 3)
            #expect(result.status == 200)
            let body = result.json
            #expect(body.keySet == ["prices", "instrumentType", "metadata"])
            #expect(body["instrumentType"] == "CURRENCIES")
            let prices = body["prices"]?.elements ?? []
            #expect(prices.count == 4)
            #expect(
                prices.map { $0["snapshotTime"]?.stringValue ?? "" } == [
                    "2020/09/01 01:00:00", "2020/09/02 01:00:00", "2020/09/03 01:00:00", "2020/09/04 01:00:00",
                ])
            #expect(
                prices.map { $0["snapshotTimeUTC"]?.stringValue ?? "" } == [
                    "2020-09-01T00:00:00", "2020-09-02T00:00:00", "2020-09-03T00:00:00", "2020-09-04T00:00:00",
                ])
            let first = try #require(prices.first)
            #expect(
                first.keySet == [
                    "snapshotTime", "snapshotTimeUTC", "openPrice", "closePrice", "highPrice", "lowPrice",
                    "lastTradedVolume",
                ])
            #expect(first["openPrice"]?.keySet == ["bid", "ask", "lastTraded"])
            #expect(first["openPrice"]?["lastTraded"] == .null)
            #expect((first["lastTradedVolume"]?.intValue ?? 0) > 0)

            let metadata = try #require(body["metadata"])
            #expect(metadata.keySet == ["allowance", "size", "pageData"])
            #expect(metadata["allowance"]?.keySet == ["remainingAllowance", "totalAllowance", "allowanceExpiry"])
            #expect(metadata["allowance"]?["totalAllowance"] == 10_000)
            #expect(metadata["pageData"] == ["pageSize": 20, "pageNumber": 1, "totalPages": 1])

            let profile = try #require(sim.simulator.catalog.instrument(epic: "CS.D.EURUSD.MINI.IP")).priceProfile
            let bars = sim.simulator.priceEngine.bars(
                for: profile, resolution: .day, from: date(2020, 9, 1), to: date(2020, 9, 4, 23, 59, 59))
            #expect(prices.map { $0["closePrice"]?["bid"]?.doubleValue } == bars.map { $0.close.bid })
            #expect(prices.map { $0["highPrice"]?["ask"]?.doubleValue } == bars.map { $0.high.ask })
        }
    }

    @Test func v3PagingSplitsResultsByPageSize() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let base = "/prices/CS.D.GBPUSD.TODAY.IP?resolution=HOUR&from=2024-03-04T00:00:00&to=2024-03-04T20:00:00"
            let page1 = try await sim.send(.GET, base + "&pageSize=20&pageNumber=1", tokens: tokens, version: 3)
            let page2 = try await sim.send(.GET, base + "&pageSize=20&pageNumber=2", tokens: tokens, version: 3)
            let unpaged = try await sim.send(.GET, base + "&pageSize=0", tokens: tokens, version: 3)
            #expect(page1.json["prices"]?.elements.count == 20)
            #expect(page2.json["prices"]?.elements.count == 1)
            #expect(page1.json["metadata"]?["pageData"] == ["pageSize": 20, "pageNumber": 1, "totalPages": 2])
            #expect(page2.json["metadata"]?["pageData"]?["pageNumber"] == 2)
            #expect(page1.json["metadata"]?["size"] == 21)
            let all = unpaged.json["prices"]?.elements ?? []
            #expect(all.count == 21)
            #expect(unpaged.json["metadata"]?["pageData"]?["totalPages"] == 1)
            #expect(Array(all.prefix(20)) == page1.json["prices"]?.elements)
            #expect(all.last == page2.json["prices"]?.elements.first)
        }
    }

    @Test func v3DefaultsToTheLastTenMinutesAndHonoursMax() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let defaults = try await sim.send(.GET, "/prices/CS.D.BITCOIN.TODAY.IP", tokens: tokens, version: 3)
            let prices = defaults.json["prices"]?.elements ?? []
            #expect(prices.count == 10)
            let times = prices.compactMap { $0["snapshotTimeUTC"]?.stringValue.flatMap(CivilTime.parse) }
            #expect(zip(times, times.dropFirst()).allSatisfy { $1 - $0 == 60 }, "one-minute bars, oldest first")
            let six = try await sim.send(
                .GET, "/prices/CS.D.BITCOIN.TODAY.IP?resolution=HOUR&max=6&pageSize=2&pageNumber=3", tokens: tokens,
                version: 3)
            #expect(six.json["prices"]?.elements.count == 2)
            #expect(six.json["metadata"]?["pageData"]?["totalPages"] == 3)
            let remaining = try #require(six.json["metadata"]?["allowance"]?["remainingAllowance"]?.intValue)
            #expect(remaining == 10_000 - 12)
        }
    }

    @Test func priceErrors() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let shares = try await sim.send(
                .GET, "/prices/KA.D.VOD.DAILY.IP?resolution=DAY", tokens: tokens, version: 3)
            #expect(shares.status == 403 && shares.errorCode == "unauthorised.access.to.equity.exception")
            let epic = try await sim.send(.GET, "/prices/CS.D.NOPE.TODAY.IP", tokens: tokens, version: 3)
            #expect(epic.status == 400 && epic.errorCode == "error.unsupported.epic")
            let resolution = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.TODAY.IP?resolution=FORTNIGHT", tokens: tokens, version: 3)
            #expect(resolution.status == 400 && resolution.errorCode == "invalid.request.resolution")
            let malformed = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.TODAY.IP?resolution=DAY&from=01/09/2020", tokens: tokens, version: 3)
            #expect(malformed.status == 400 && malformed.errorCode == "error.malformed.date")
            let backwards = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.TODAY.IP?resolution=DAY&from=2020-09-04T00:00:00&to=2020-09-01T00:00:00",
                tokens: tokens, version: 3)
            #expect(backwards.status == 400 && backwards.errorCode == "error.invalid.daterange")
            let huge = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.TODAY.IP?resolution=SECOND&from=2001-01-01T00:00:00", tokens: tokens,
                version: 3)
            #expect(huge.status == 403)
            #expect(huge.errorCode == "error.public-api.exceeded-account-historical-data-allowance")
            let unauthenticated = try await sim.send(.GET, "/prices/CS.D.EURUSD.TODAY.IP", version: 3)
            #expect(unauthenticated.status == 401)
        }
    }

    @Test func legacyFormatsOfVersionOneAndTwo() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let numPoints = try await sim.send(.GET, "/prices/CS.D.EURUSD.MINI.IP/HOUR/4", tokens: tokens, version: 2)
            #expect(numPoints.json.keySet == ["prices", "instrumentType", "allowance"])
            let points = numPoints.json["prices"]?.elements ?? []
            #expect(points.count == 4)
            #expect(
                points.allSatisfy {
                    $0["snapshotTimeUTC"] == nil && $0["snapshotTime"]?.stringValue?.contains("/") == true
                })

            let v2Range = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.MINI.IP/DAY/2020-09-01%2000:00:00/2020-09-04%2023:59:59", tokens: tokens,
                version: 2)
            #expect(v2Range.json["prices"]?.elements.count == 4)

            let v1Range = try await sim.send(
                .GET, "/prices/CS.D.EURUSD.MINI.IP/DAY?startdate=2020:09:01-00:00:00&enddate=2020:09:04-23:59:59",
                tokens: tokens, version: 1)
            let v1Prices = v1Range.json["prices"]?.elements ?? []
            #expect(v1Prices.count == 4)
            #expect(v1Prices.first?["snapshotTime"] == "2020:09:01-01:00:00")

            let v1Points = try await sim.send(.GET, "/prices/CS.D.EURUSD.MINI.IP/DAY/3", tokens: tokens, version: 1)
            #expect(v1Points.json["prices"]?.elements.first?["snapshotTime"]?.stringValue?.contains("-") == true)
            let second = try await sim.send(.GET, "/prices/CS.D.EURUSD.MINI.IP/SECOND/3", tokens: tokens, version: 2)
            #expect(second.status == 400)
            #expect(await sim.simulator.statistics().priceRequests == 4)
        }
    }

    @Test func weekendsHaveNoBarsOverHTTP() async throws {
        try await SimulatorHarness.with { sim in
            let tokens = try await sim.login()
            let fx = try await sim.send(
                .GET, "/prices/IX.D.DAX.DAILY.IP?resolution=HOUR&from=2024-06-08T00:00:00&to=2024-06-09T23:59:59",
                tokens: tokens, version: 3)
            #expect(fx.json["prices"]?.elements.isEmpty == true)
            #expect(fx.json["metadata"]?["pageData"]?["totalPages"] == 0)
            let crypto = try await sim.send(
                .GET,
                "/prices/CS.D.BITCOIN.TODAY.IP?resolution=HOUR&from=2024-06-08T00:00:00&to=2024-06-09T23:59:59&pageSize=0",
                tokens: tokens, version: 3)
            #expect(crypto.json["prices"]?.elements.count == 48)
        }
    }
}
