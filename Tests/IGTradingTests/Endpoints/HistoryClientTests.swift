import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

/// Activity and transaction history through the client against the simulator: every version, paging by the v3
/// `next` link and by page number, and the account's real deals showing up in them.
@Suite("History: activity and transactions")
struct HistoryClientTests {
    static let bitcoin: Epic = "CS.D.BITCOIN.TODAY.IP"

    static func configuration() -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        // Paging is checked over this test's own deals only: no generated past.
        configuration.freshAccounts = true
        configuration.dealing = DealingConfiguration(
            duplicateOrderWindow: .zero, startingBalances: ["ZSB01": 10_000_000])
        return configuration
    }

    /// Opens `count` bitcoin positions (one activity each) and returns their references, oldest first.
    static func openPositions(_ client: IGClient, count: Int) async throws -> [DealReference] {
        var references: [DealReference] = []
        for _ in 0..<count {
            let confirmation = try await client.dealing.open(
                PositionOrder(epic: bitcoin, direction: .buy, size: 0.5), options: DealingOptions(validate: false))
            #expect(confirmation.isAccepted)
            references.append(confirmation.dealReference)
        }
        return references
    }

    @Test("v3 follows the next link: 25 activities in pages of 10, each exactly once, newest first")
    func activityV3Paging() async throws {
        try await IGSimulator.withRunning(configuration: Self.configuration()) { simulator, url in
            try await withClient(url) { client in
                let references = try await Self.openPositions(client, count: 25)
                var pages: [HistoryPage<Activity>] = []
                for try await page in client.history.activityPages(detailed: true, pageSize: 10) {
                    pages.append(page)
                }
                #expect(pages.map(\.items.count) == [10, 10, 5])
                #expect(pages.dropLast().allSatisfy { $0.next?.contains("to=") == true })
                #expect(pages.last?.next == nil)
                let seen = pages.flatMap(\.items).compactMap(\.details?.dealReference)
                #expect(seen == Array(references.reversed()))
                let first = try #require(pages.first?.items.first)
                #expect(first.type == .position && first.status == .accepted && first.channel == .publicWebAPI)
                #expect(first.details?.actions?.first?.actionType == .positionOpened)
                #expect(first.occurredAt != nil && first.details?.direction == .buy && first.details?.size == 0.5)

                // The helper gathers the same pages; a dealId filter narrows to one deal.
                let all = try await client.history.activities(pageSize: 10)
                #expect(all.count == 25 && all.allSatisfy { $0.details == nil })
                let dealId = try #require(first.dealId)
                let one = try await client.history.activities(dealId: dealId)
                #expect(one.map(\.dealId) == [dealId])
                _ = simulator
            }
        }
    }

    @Test("v2 pages by number; v1 by period and by day")
    func activityV2AndV1() async throws {
        try await IGSimulator.withRunning(configuration: Self.configuration()) { _, url in
            try await withClient(url) { client in
                let references = try await Self.openPositions(client, count: 12)
                let start = Date().addingTimeInterval(-3600)
                var pages: [HistoryPage<ActivityV1>] = []
                for try await page in client.history.activityPagesV2(from: start, pageSize: 5) { pages.append(page) }
                #expect(pages.map(\.items.count) == [5, 5, 2])
                #expect(pages.map { $0.pageData?.pageNumber } == [1, 2, 3])
                #expect(pages.allSatisfy { $0.pageData?.totalPages == 3 && $0.totalSize == 12 })
                let v2 = pages.flatMap(\.items)
                #expect(v2.allSatisfy { $0.time == nil && $0.dateValue != nil && $0.sizeValue == 0.5 })
                #expect(v2.compactMap(\.activityHistoryId) == references.reversed().map(\.rawValue))
                #expect(try await client.history.activitiesV2(from: start, pageSize: 0).count == 12)

                let byPeriod = try await client.history.activitiesV1(last: .seconds(3600))
                #expect(byPeriod.count == 12)
                #expect(byPeriod.allSatisfy { $0.time != nil && $0.actionStatus == .accept && $0.stopValue == nil })
                let today = try await client.history.activitiesV1(from: Date(), to: Date())
                #expect(today.count == 12)
            }
        }
    }

    @Test("transactions v2 and v1 carry each closed deal's P&L, which adds up to the balance change")
    func transactions() async throws {
        try await IGSimulator.withRunning(configuration: Self.configuration()) { _, url in
            try await withClient(url) { client in
                let balance = { () async throws -> Decimal in
                    try #require(
                        try await client.accounts.list().first { $0.accountType == .spreadBet }?.balance?.balance)
                }
                let before = try await balance()
                _ = try await Self.openPositions(client, count: 3)
                let closed = try await client.dealing.closeAll()
                #expect(closed.count == 3 && closed.allSatisfy(\.isAccepted))
                let after = try await balance()

                let v2 = try await client.history.transactions(.allDeal, from: Date().addingTimeInterval(-3600))
                #expect(v2.count == 3)
                #expect(v2.allSatisfy { $0.transactionType == .deal && $0.occurredAt != nil && $0.openedAt != nil })
                let total = v2.compactMap(\.profitAndLossAmount).reduce(0, +)
                #expect(total == after - before)
                var pages = 0
                for try await page in client.history.transactionPages(
                    .all, from: Date().addingTimeInterval(-3600), pageSize: 2)
                {
                    pages += 1
                    #expect(page.items.count <= 2)
                }
                #expect(pages == 2)
                #expect(try await client.history.transactions(.deposit, from: Date().addingTimeInterval(-3600)).isEmpty)

                let v1 = try await client.history.transactionsV1(.allDeal, last: .seconds(3600))
                #expect(v1.map(\.reference) == v2.map(\.reference))
                #expect(v1.allSatisfy { $0.dateUtc == nil && $0.sizeValue == 0.5 })
                #expect(try await client.history.transactionsV1(.all, from: Date(), to: Date()).count == 3)
            }
        }
    }

    @Test("bad arguments are refused before anything is sent")
    func badArguments() async throws {
        try await IGSimulator.withRunning(configuration: Self.configuration()) { simulator, url in
            try await withClient(url) { client in
                _ = try await client.accounts.list()
                let sent = await simulator.statistics().requests
                let smallPage = await igError { _ = try await client.history.activities(pageSize: 5) }
                #expect(smallPage?.code == .invalidArgument)
                let reversed = await igError {
                    _ = try await client.history.transactions(from: Date(), to: Date().addingTimeInterval(-60))
                }
                #expect(reversed?.code == .invalidArgument)
                let negative = await igError { _ = try await client.history.activitiesV1(last: .seconds(-1)) }
                #expect(negative?.code == .invalidArgument)
                #expect(await simulator.statistics().requests == sent)
            }
        }
    }

    @Test("positions and working orders v1 decode and normalise to the v2 shape")
    func dealingV1Reads() async throws {
        try await IGSimulator.withRunning(configuration: Self.configuration()) { _, url in
            try await withClient(url) { client in
                let references = try await Self.openPositions(client, count: 1)
                let v1 = try await client.dealing.positionsV1()
                let v2 = try await client.dealing.positions()
                #expect(v1.count == 1 && v2.count == 1)
                let normalized = try #require(v1.first?.normalized)
                #expect(normalized.position.dealId == v2[0].position.dealId)
                #expect(
                    normalized.position.size == v2[0].position.size && normalized.position.level == v2[0].position.level
                )
                #expect(normalized.position.dealReference == nil && v2[0].position.dealReference == references[0])
                let one = try await client.dealing.positionV1(v2[0].position.dealId)
                #expect(one.position.openLevel == v2[0].position.level)

                let level = try #require(v2[0].market.offer) * Decimal(string: "0.8")!
                let placed = try await client.dealing.place(
                    WorkingOrderPlacement(
                        epic: Self.bitcoin, direction: .buy, size: 0.5, level: level.rounded(0), type: .limit,
                        stopDistance: 500),
                    options: DealingOptions(validate: false))
                #expect(placed.isAccepted)
                let orders = try await client.dealing.workingOrdersV1()
                #expect(orders.count == 1)
                #expect(orders[0].workingOrderData.orderType == .limit && orders[0].workingOrderData.goodTill == "GTC")
                let stop = try #require(orders[0].workingOrderData.contingentStop)
                #expect(stop < orders[0].workingOrderData.level)
            }
        }
    }
}

extension Decimal {
    fileprivate func rounded(_ places: Int) -> Decimal {
        var input = self
        var output = Decimal()
        NSDecimalRound(&output, &input, places, .plain)
        return output
    }
}
