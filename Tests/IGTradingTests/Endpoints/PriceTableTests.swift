import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@Suite("Price pages, v1/v2 prices and the price table")
struct PriceTableTests {
    @Test("pages are fetched lazily and history is their concatenation")
    func pages() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                var pageNumbers: [Int] = []
                var bars: [IGModels.PriceBar] = []
                let from = try #require(IGDateFormat.iso.date(from: "2020-09-01T00:00:00"))
                let to = try #require(IGDateFormat.iso.date(from: "2020-09-01T00:20:59"))
                for try await page in client.prices.pages(
                    epic: "CS.D.EURUSD.MINI.IP", resolution: .minute, from: from, to: to, pageSize: 20)
                {
                    pageNumbers.append(page.pageData?.pageNumber ?? 0)
                    bars += page.bars
                    #expect(page.allowance != nil)
                }
                #expect(pageNumbers == [1, 2] && bars.count == 21)
                var iterator = client.prices.pages(epic: "CS.D.EURUSD.MINI.IP", max: 6, pageSize: 2)
                    .makeAsyncIterator()
                let first = try await iterator.next()
                #expect(first?.bars.count == 2 && first?.pageData?.totalPages == 3)
                let all = try await client.prices.history(
                    epic: "CS.D.EURUSD.MINI.IP", resolution: .minute, from: from, to: to, pageSize: 20)
                #expect(all.bars == bars && all.allowance != nil)
            }
        }
    }

    @Test("v1 and v2 date ranges and v2 num points give the same bars as v3")
    func legacyVersions() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let from = try #require(IGDateFormat.iso.date(from: "2020-09-01T00:00:00"))
                let to = try #require(IGDateFormat.iso.date(from: "2020-09-04T23:59:59"))
                let v3 = try await client.prices.history(
                    epic: "CS.D.EURUSD.MINI.IP", resolution: .day, from: from, to: to)
                let london = TimeZone(identifier: "Europe/London")
                let v2 = try await client.prices.range(
                    epic: "CS.D.EURUSD.MINI.IP", resolution: .day, from: from, to: to, accountTimeZone: london)
                let v1 = try await client.prices.range(
                    epic: "CS.D.EURUSD.MINI.IP", resolution: .day, from: from, to: to, version: 1,
                    accountTimeZone: london)
                #expect(v3.bars.count == 4 && v2.bars.count == 4 && v1.bars.count == 4)
                #expect(v2.bars.map(\.close) == v3.bars.map(\.close) && v1.bars.map(\.open) == v3.bars.map(\.open))
                #expect(v2.bars.map(\.time) == v3.bars.map(\.time))
                #expect(v1.bars[0].localTime.contains(":") && v2.allowance != nil && v1.allowance != nil)
                let last = try await client.prices.last(4, epic: "CS.D.EURUSD.MINI.IP", resolution: .hour)
                #expect(last.bars.count == 4 && last.allowance != nil)
                let lastV1 = try await client.prices.last(3, epic: "CS.D.EURUSD.MINI.IP", resolution: .hour, version: 1)
                #expect(lastV1.bars.count == 3)
            }
        }
    }

    static let row = PriceTable.Row(
        time: Date(timeIntervalSince1970: 1_598_918_400),
        bid: .init(open: 1, high: 3, low: 0.5, close: 2), ask: .init(open: 1.5, high: 3.5, low: 1, close: 2.5),
        lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 12)

    @Test("mid, spread and the three trading-ig layouts")
    func layouts() {
        var second = Self.row
        second.time = second.time.addingTimeInterval(60)
        second.volume = nil
        let table = PriceTable(rows: [Self.row, second])
        #expect(Self.row.mid == .init(open: 1.25, high: 3.25, low: 0.75, close: 2.25))
        #expect(Self.row.spread == Decimal(string: "0.5"))
        let nested = table.view(.nested)
        #expect(nested.columns.count == 13 && nested.values[1].last == .some(nil))
        let flat = table.view(.flat)
        #expect(flat.columns.count == 9 && flat.values[0][0] == 1 && flat.values[0][1] == Decimal(string: "1.5"))
        let mid = table.view(.mid)
        #expect(mid.columns == ["Open", "High", "Low", "Close", "Volume"])
        #expect(mid.values[0] == [1.25, 3.25, 0.75, 2.25, 12])
        let noVolume = PriceTable(rows: [second])
        #expect(noVolume.view(.nested).columns.count == 8)
    }

    @Test("CSV and JSON exports")
    func exports() throws {
        let view = PriceTable(rows: [Self.row]).view(.mid)
        #expect(view.csv() == "time,Open,High,Low,Close,Volume\n2020-09-01T00:00:00Z,1.25,3.25,0.75,2.25,12\n")
        let json = try JSONSerialization.jsonObject(with: view.json()) as? [[String: Any]]
        #expect(json?.first?["time"] as? String == "2020-09-01T00:00:00Z")
        #expect((json?.first?["Volume"] as? NSNumber)?.intValue == 12)
    }

    @Test("a table from the simulator has volumes and allowance")
    func tableFromSimulator() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let table = try await client.prices.table(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 5)
                #expect(table.rows.count == 5 && table.allowance != nil)
                #expect(table.rows.allSatisfy { ($0.spread ?? 0) > 0 })
                #expect(table.view(.nested).columns.count == 13)
            }
        }
    }

    @Test("PriceTable(v3Body:) reads what the Codable models read, including nulls, escapes and unknown keys")
    func fastReader() throws {
        let body = #"""
            {"prices":[{"snapshotTime":"2020/09/01 01:00:00","snapshotTimeUTC":"2020-09-01T00:00:00","extra":{"a":[1,{"b":"x\"y"}]},
              "openPrice":{"bid":1.19347,"ask":1.19353,"lastTraded":null},"closePrice":{"bid":-0.5,"ask":12E-1,"lastTraded":7651},
              "highPrice":{"bid":1.10,"ask":100,"lastTraded":null},"lowPrice":{"bid":0,"ask":123456789.123456789012345}, "lastTradedVolume":139},
             {"snapshotTime":"2020/09/01 01:01:00","openPrice":{"bid":1,"ask":2},"closePrice":{"bid":1,"ask":2},
              "highPrice":{"bid":1,"ask":2},"lowPrice":{"bid":1,"ask":2},"lastTradedVolume":null}],
             "instrumentType":"CURRENCIES","unknown":true,
             "metadata":{"allowance":{"remainingAllowance":9998,"totalAllowance":10000,"allowanceExpiry":604790},"size":2,"pageData":null}}
            """#
        let fast = try PriceTable(v3Body: Data(body.utf8))
        let decoded = try JSONDecoder().decode(PricesV3Response.self, from: Data(body.utf8))
        let slow = PriceTable(
            rows: decoded.prices.compactMap { IGModels.PriceBar(payload: $0) }.map(PriceTable.Row.init),
            instrumentType: decoded.instrumentType, allowance: decoded.metadata?.allowance)
        #expect(fast == slow)
        #expect(fast.rows[0].bid.close == Decimal(string: "-0.5") && fast.rows[0].ask.close == Decimal(string: "1.2"))
        #expect(fast.rows[0].bid.high?.description == "1.1")
        #expect(fast.rows[1].time == Date(timeIntervalSince1970: 1_598_922_060))
        #expect(throws: PriceTable.BodyError.self) {
            try PriceTable(v3Body: Data(#"{"prices":[{"snapshotTime":1}"#.utf8))
        }
        #expect(throws: PriceTable.BodyError.self) { try PriceTable(v3Body: Data("{}".utf8)) }
    }
}
