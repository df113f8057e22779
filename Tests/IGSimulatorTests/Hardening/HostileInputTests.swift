import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// Numbers a client controls that used to trap the simulator process (Double→Int conversions, `Int` overflow,
/// unbounded recursion): each is now answered with an IG-style error or a correct result, and the simulator keeps
/// serving.
@Suite("Hardening: hostile numbers and nesting never trap")
struct HostileInputTests {
    private static let maxInt = "9223372036854775807"

    /// The simulator still answers an ordinary request (a trap would have ended the test process instead).
    private static func stillServing(_ harness: SimulatorHarness) async throws {
        let alive = try await harness.send(.GET, "/session/encryptionKey")
        #expect(alive.status == 200)
    }

    @Test func streamingStallAndExpireRefuseHugeSeconds() async throws {
        try await SimulatorHarness.with { harness in
            for action in ["stall", "expire"] {
                for seconds in ["1e300", "-1", "\"soon\""] {
                    let result = try await harness.send(
                        .POST, "/simulator/streaming/\(action)", body: #"{"seconds":\#(seconds)}"#)
                    #expect(result.status == 400, "\(action) \(seconds)")
                    #expect(result.errorCode == "invalid.input")
                }
                let fine = try await harness.send(.POST, "/simulator/streaming/\(action)", body: #"{"seconds":2.5}"#)
                #expect(fine.status == 200)
            }
            let rate = try await harness.send(
                .POST, "/simulator/streaming/rate", body: #"{"updatesPerSecond":1e999}"#)
            #expect(rate.status == 400)
            let delay = try await harness.send(.PUT, "/simulator/faults/dealing", body: #"{"delayMs":\#(Self.maxInt)}"#)
            #expect(delay.status == 400)
            #expect(delay.errorCode == "invalid.request.delayMs")
            let plan = try await harness.send(.GET, "/simulator/faults/dealing")
            #expect(plan.status == 200)
            try await Self.stillServing(harness)
        }
    }

    @Test func workingOrderWithAnAbsurdGoodTillDateIsRefused() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            for goodTill in ["1e308", "-1", "\"99999999999999999999999\"", "1.7976931348623157e308"] {
                let body = """
                    {"currencyCode":"GBP","direction":"BUY","epic":"CS.D.BITCOIN.TODAY.IP","expiry":"DFB",
                    "guaranteedStop":false,"level":1000,"size":1,"type":"LIMIT","timeInForce":"GOOD_TILL_DATE",
                    "goodTillDate":\(goodTill)}
                    """
                let result = try await harness.send(.POST, "/workingorders/otc", tokens: tokens, version: 2, body: body)
                #expect(result.status == 400, "goodTillDate \(goodTill)")
                #expect(result.errorCode == "validation.pattern.invalid.request.goodTillDate")
            }
            try await Self.stillServing(harness)
        }
    }

    @Test func hugePageSizesAndNumbersAnswerEmptyPages() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            let epic = "CS.D.EURUSD.TODAY.IP"
            for query in ["pageSize=\(Self.maxInt)&pageNumber=2", "pageSize=20&pageNumber=\(Self.maxInt)"] {
                let prices = try await harness.send(
                    .GET, "/prices/\(epic)?resolution=HOUR&max=30&\(query)", tokens: tokens, version: 3)
                #expect(prices.status == 200, "prices \(query)")
                #expect(prices.json["prices"] == .array([]))
                #expect(prices.json["metadata"]?["pageData"]?["totalPages"] != nil)
                for path in ["/history/activity", "/history/transactions"] {
                    let history = try await harness.send(.GET, "\(path)?\(query)", tokens: tokens, version: 2)
                    #expect(history.status == 200, "\(path) \(query)")
                }
                let costs = try await harness.send(
                    .GET,
                    "/indicativecostsandcharges/history/from/2000-01-01T00:00:00.000Z/to/2100-01-01T00:00:00.000Z?"
                        + query, tokens: tokens)
                #expect(costs.status == 200, "costs \(query)")
            }
            let categories = try await harness.send(
                .GET, "/categories/CURRENCIES/instruments?pageNumber=\(Self.maxInt)&pageSize=1000", tokens: tokens)
            #expect(categories.status == 200)
            #expect(categories.json["instruments"] == .array([]))
            let first = try await harness.send(
                .GET, "/prices/\(epic)?resolution=HOUR&max=30&pageSize=\(Self.maxInt)", tokens: tokens, version: 3)
            #expect(first.json["metadata"]?["pageData"]?["totalPages"] == .int(1))
            if case .array(let bars) = first.json["prices"] { #expect(bars.count == 30) }
            try await Self.stillServing(harness)
        }
    }

    @Test func absurdHistoryDatesAreRefused() async throws {
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            for path in [
                "/history/activity/01-01-\(Self.maxInt)/02-01-2020", "/history/activity/01-99-2020/02-01-2020",
                "/history/activity/1e300", "/history/transactions/ALL/1e300",
            ] {
                let result = try await harness.send(.GET, path, tokens: tokens, version: 1)
                #expect(result.status == 400 || result.status == 404, "\(path): \(result.status)")
                #expect(result.errorCode != nil)
            }
            let span = try await harness.send(
                .GET, "/history/activity?maxSpanSeconds=1e300&pageSize=10", tokens: tokens, version: 3)
            #expect(span.status == 200)
            let offset = try await harness.send(
                .GET,
                "/indicativecostsandcharges/history/from/2000-01-01T00:00:00+\(Self.maxInt):00/to/2100-01-01T00:00:00Z",
                tokens: tokens)
            #expect(offset.status == 400)
            try await Self.stillServing(harness)
        }
    }

    @Test func filterNestedThousandsDeepIsRefused() async throws {
        // The parser bounds the depth whatever the transport lets through.
        let deep = String(repeating: "(", count: 6_000) + "type==POSITION" + String(repeating: ")", count: 6_000)
        #expect(throws: FIQLFilter.SyntaxError.self) { try FIQLFilter(deep) }
        let atLimit =
            String(repeating: "(", count: FIQLFilter.maximumDepth) + "type==POSITION"
            + String(repeating: ")", count: FIQLFilter.maximumDepth)
        #expect((try? FIQLFilter(atLimit)) != nil)
        try await SimulatorHarness.with { harness in
            let tokens = try await harness.login()
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "()=;,"))
            for (depth, status, code) in [
                (100, 400, "error.request.invalid.filter"), (6_000, 414, "error.request.uri-too-long"),
            ] {
                let filter =
                    String(repeating: "(", count: depth) + "type==POSITION" + String(repeating: ")", count: depth)
                let encoded = filter.addingPercentEncoding(withAllowedCharacters: allowed) ?? filter
                let result = try await harness.send(
                    .GET, "/history/activity?filter=\(encoded)&pageSize=10", tokens: tokens, version: 3)
                #expect(result.status == status, "depth \(depth)")
                #expect(result.errorCode == code, "depth \(depth)")
            }
            let shallow = "((type==POSITION))".addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
            let fine = try await harness.send(
                .GET, "/history/activity?filter=\(shallow)&pageSize=10", tokens: tokens, version: 3)
            #expect(fine.status == 200)
            try await Self.stillServing(harness)
        }
    }

    @Test func unlimitedHistoricalAllowanceStillBoundsARangedRequest() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances.historicalDataPoints = Int.max
        try await SimulatorHarness.with(configuration) { harness in
            let tokens = try await harness.login()
            let epic = "CS.D.EURUSD.TODAY.IP"
            let day = try await harness.send(
                .GET, "/prices/\(epic)?resolution=HOUR&from=2024-01-02T00:00:00&to=2024-01-03T00:00:00",
                tokens: tokens, version: 3)
            #expect(day.status == 200)
            #expect(day.json["metadata"]?["allowance"]?["totalAllowance"] == .int(Int.max))
            let ages = try await harness.send(
                .GET, "/prices/\(epic)?resolution=SECOND&from=2000-01-01T00:00:00&to=2024-01-01T00:00:00",
                tokens: tokens, version: 3)
            #expect(ages.status == 403)
            #expect(ages.errorCode == "error.public-api.exceeded-account-historical-data-allowance")
            let legacy = try await harness.send(
                .GET, "/prices/\(epic)/MINUTE/2000-01-01%2000:00:00/2024-01-01%2000:00:00", tokens: tokens,
                version: 2)
            #expect(legacy.status == 403)
            let points = try await harness.send(.GET, "/prices/\(epic)/MINUTE/\(Self.maxInt)", tokens: tokens)
            #expect(points.status == 403)
            try await Self.stillServing(harness)
        }
    }

    @Test func jsonNestedDeeperThanTheLimitIsRefusedCheaply() async throws {
        try await SimulatorHarness.with { harness in
            let nested = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
            for path in ["/session", "/simulator/errors"] {
                let result = try await harness.send(.POST, path, version: 2, body: nested)
                #expect(result.status == 400, "\(path)")
                #expect(result.errorCode == "invalid.input.nesting" || result.errorCode == "invalid.input", "\(path)")
            }
            let atLimit =
                String(repeating: "[", count: SimulatorJSON.maximumDepth)
                + String(repeating: "]", count: SimulatorJSON.maximumDepth)
            #expect(try SimulatorJSON.parse(Data(atLimit.utf8)) != .null)
            #expect(throws: SimulatorJSON.TooDeep.self) { try SimulatorJSON.parse(Data(("[" + atLimit + "]").utf8)) }
            #expect(SimulatorJSON.nesting(of: Data(#"{"a":"[[[[{{{{","b":[1,{"c":"\"]"}]}"#.utf8)) == 3)
            try await Self.stillServing(harness)
        }
    }

    @Test func bodiesOverOneMebibyteGetAnIGStyle413() async throws {
        try await SimulatorHarness.with { harness in
            let big = #"{"identifier":""# + String(repeating: "x", count: SimulatorResponder.maximumBodySize) + #""}"#
            let result = try await harness.send(.POST, "/session", version: 2, body: big)
            #expect(result.status == 413)
            #expect(result.errorCode == "error.request.body-too-large")
            try await Self.stillServing(harness)
        }
    }

    @Test func anUnreadableVersionHeaderIsA400() async throws {
        try await SimulatorHarness.with { harness in
            for version in ["two", "-1", "0", "99999999999999999999999"] {
                let result = try await harness.send(.GET, "/session/encryptionKey", headers: [("Version", version)])
                #expect(result.status == 400, "Version: \(version)")
                #expect(result.errorCode == "error.request.invalid.version")
            }
            let fine = try await harness.send(.GET, "/session/encryptionKey", headers: [("Version", " 1 ")])
            #expect(fine.status == 200)
        }
    }
}
