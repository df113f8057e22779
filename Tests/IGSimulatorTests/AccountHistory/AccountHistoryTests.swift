import Foundation
import IGModels
import IGSimulatorTesting
import IGTrading
import Testing

@testable import IGSimulator

/// The standard accounts' generated past, read over loopback through `IGClient` as a program written for IG reads
/// a used DEMO account: the ledger sums to the balance, every closed deal has its transaction, pages and FIQL
/// filters work over it, and opening levels are the price path's.
@Suite("Account history: a deterministic past")
struct AccountHistoryTests {
    static func configuration(fresh: Bool = false) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration.testing
        configuration.freshAccounts = fresh
        return configuration
    }

    static func withClient<T>(
        fresh: Bool = false, accountId: String = "ZSB01", _ body: (IGClient, IGSimulator) async throws -> T
    ) async throws -> T {
        try await IGSimulator.withRunning(configuration: Self.configuration(fresh: fresh)) { simulator, url in
            let configuration = IGClient.Configuration(
                accountId: AccountId(rawValue: accountId), rateLimiting: .fixed(.testing))
            return try await IGClient.withClient(simulatorAt: url, configuration: configuration) { client in
                try await body(client, simulator)
            }
        }
    }

    static let yearAgo = Date().addingTimeInterval(-400 * 86_400)

    @Test("the transactions sum to the balance", arguments: ["ZSB01", "ZCF02"])
    func ledgerSumsToBalance(_ accountId: String) async throws {
        try await Self.withClient(accountId: accountId) { client, _ in
            let transactions = try await client.history.transactions(from: Self.yearAgo, to: Date(), pageSize: 500)
            #expect(transactions.count > 100, "a year of history, got \(transactions.count)")
            let sum = transactions.compactMap(\.profitAndLossAmount).reduce(Decimal(0), +)
            let account = try #require(try await client.accounts.list().first { $0.accountId.rawValue == accountId })
            #expect(account.balance?.balance == sum)
            let types = Set(transactions.compactMap(\.transactionType?.rawValue))
            #expect(types.isSuperset(of: ["DEAL", "DEPO", "WITH"]), "\(types)")
            if accountId == "ZCF02" { #expect(types.contains("DIVIDEND")) }
        }
    }

    /// 2026-12-02 is a day on which the random deals alone left the CFD account's year without a dividend.
    @Test(
        "a CFD account's year has a dividend for each dividend Thursday, whatever day the simulator starts on",
        arguments: ["2026-12-02T00:30:00Z", "2026-12-01T12:00:00Z", "2025-06-15T09:00:00Z", "2027-03-01T20:00:00Z"])
    func dividendsWhateverTheDay(_ start: String) async throws {
        let now = try #require(ISO8601DateFormatter().date(from: start))
        var configuration = Self.configuration()
        configuration.clock = .stepped(start: now)
        let transactions = try await IGSimulator.withRunning(configuration: configuration) { _, url in
            let client = IGClient.Configuration(accountId: AccountId(rawValue: "ZCF02"), rateLimiting: .fixed(.testing))
            return try await IGClient.withClient(simulatorAt: url, configuration: client) { client in
                try await client.history.transactions(
                    from: now.addingTimeInterval(-400 * 86_400), to: now, pageSize: 500)
            }
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let paid = Set(
            transactions.filter { $0.transactionType?.rawValue == "DIVIDEND" }.compactMap(\.occurredAt).map {
                let parts = calendar.dateComponents([.year, .month], from: $0)
                return "\(parts.year ?? 0)-\(parts.month ?? 0)"
            })
        // The first Thursday of February, May, August and November, for the year of days before `now`'s.
        var expected = Set<String>()
        var day = calendar.startOfDay(for: now).addingTimeInterval(-362 * 86_400)
        while day.addingTimeInterval(86_400) < calendar.startOfDay(for: now) {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            if parts.weekday == 5, parts.month! % 3 == 2, parts.day! <= 7 {
                expected.insert("\(parts.year ?? 0)-\(parts.month ?? 0)")
            }
            day.addTimeInterval(86_400)
        }
        #expect(expected.count >= 3)
        #expect(expected.isSubset(of: paid), "dividends in \(paid), expected in \(expected)")
    }

    @Test("every closed deal in activity has its DEAL transaction; opening levels are the price path's")
    func closedDealsHaveTransactions() async throws {
        try await Self.withClient { client, simulator in
            let activities = try await client.history.activities(
                from: Self.yearAgo, to: Date(), detailed: true, pageSize: 500)
            let transactions = try await client.history.transactions(
                .allDeal, from: Self.yearAgo, to: Date(), pageSize: 500)
            let closed = activities.filter { activity in
                activity.details?.actions?.contains { $0.actionType == .positionClosed } == true
            }
            #expect(closed.count > 20)
            let references = Set(transactions.compactMap(\.reference))
            for activity in closed {
                let dealId = try #require(activity.dealId)
                #expect(references.contains(dealId.rawValue), "no transaction for \(dealId)")
            }
            // Opened by the client: the fill is the path's offer (buy) or bid (sell) at that second.
            let opened = activities.filter { $0.description?.hasPrefix("Position opened") == true }.prefix(20)
            #expect(!opened.isEmpty)
            for activity in opened {
                let epic = try #require(activity.epic?.rawValue)
                let instrument = try #require(simulator.catalog.instrument(epic: epic))
                let date = try #require(activity.occurredAt)
                let quote = simulator.priceEngine.quote(for: instrument.priceProfile, at: date)
                let expected = activity.details?.direction == .buy ? quote.offer : quote.bid
                let level = try #require(activity.details?.level)
                #expect(abs((level as NSDecimalNumber).doubleValue - expected) < 1e-9, "\(epic) at \(date)")
            }
            let kinds = Set(activities.compactMap(\.type?.rawValue))
            #expect(kinds.isSuperset(of: ["POSITION", "WORKING_ORDER", "EDIT_STOP_AND_LIMIT", "SYSTEM"]), "\(kinds)")
        }
    }

    @Test("activity pages and FIQL filters work over the past")
    func pagesAndFilters() async throws {
        try await Self.withClient { client, _ in
            let all = try await client.history.activities(from: Self.yearAgo, to: Date(), pageSize: 500)
            var pages: [HistoryPage<Activity>] = []
            for try await page in client.history.activityPages(from: Self.yearAgo, to: Date(), pageSize: 50) {
                pages.append(page)
            }
            #expect(pages.count > 2)
            #expect(pages.flatMap(\.items).map(\.dealId) == all.map(\.dealId))
            let system = try await client.history.activities(
                from: Self.yearAgo, to: Date(), filter: "channel==SYSTEM", pageSize: 100)
            #expect(!system.isEmpty)
            #expect(system.allSatisfy { $0.channel == .system })
            #expect(system.count == all.filter { $0.channel == .system }.count)
            let orders = try await client.history.activities(
                from: Self.yearAgo, to: Date(), filter: "type==WORKING_ORDER", pageSize: 100)
            #expect(!orders.isEmpty && orders.allSatisfy { $0.type == .workingOrder })
        }
    }

    @Test("the past's overnight funding is charged at IG's cut-offs, as the live engine charges it")
    func pastFundingFollowsTheLiveModel() throws {
        let now = Date()
        var engine = DealingEngine(
            market: DealingMarket(catalog: Catalog(now: now), prices: PriceEngine(seed: 42)), settings: .init(),
            seed: 42, accounts: SimulatedAccount.standard, now: now)
        engine.writePast(now: now)
        let funding = engine.ledger.transactions.filter { $0.instrumentName.hasSuffix(" overnight funding") }
        #expect(funding.count > 50, "\(funding.count) funding charges")
        for transaction in funding {
            let second = Int64(transaction.date.timeIntervalSince1970)
            // 10pm UK time, never a weekend cut-off (those markets are funded three days on Fridays).
            #expect(FundingCutOff.second(day: CivilTime.floorDiv(second, CivilTime.secondsPerDay)) == second)
            #expect(FundingCutOff.days(at: second, tradesAtWeekends: false) > 0)
            #expect(transaction.transactionType == (transaction.profitAndLoss < 0 ? "WITH" : "DEPO"))
            let dealId = transaction.reference
            let deal = try #require(
                engine.ledger.transactions.first { $0.reference == dealId && $0.transactionType == "DEAL" })
            // Charged while the deal was open.
            #expect(try #require(deal.openDate) < transaction.date && transaction.date < deal.date)
        }
        // With funding off, the past has none.
        var settings = DealingConfiguration()
        settings.funding.isEnabled = false
        var unfunded = DealingEngine(
            market: DealingMarket(catalog: Catalog(now: now), prices: PriceEngine(seed: 42)), settings: settings,
            seed: 42, accounts: SimulatedAccount.standard, now: now)
        unfunded.writePast(now: now)
        #expect(!unfunded.ledger.transactions.contains { $0.instrumentName.hasSuffix(" overnight funding") })
    }

    @Test("a past read from the memo is the past written without it: ledger, balances and the next deal ids")
    func memoizedPastIsTheWrittenPast() throws {
        let now = Date()
        func engine(at now: Date) -> DealingEngine {
            DealingEngine(
                market: DealingMarket(catalog: Catalog(now: now), prices: PriceEngine(seed: 42)), settings: .init(),
                seed: 42, accounts: SimulatedAccount.standard, now: now)
        }
        func summary(_ engine: DealingEngine) -> [String] {
            engine.ledger.activities.map {
                "\($0.dealReference) \($0.date) \($0.description) \(String(describing: $0.level))"
            }
                + engine.ledger.transactions.map { "\($0)" }
                + engine.accounts.values.sorted { $0.accountId < $1.accountId }.map { "\($0)" }
        }
        let memo = PastMemo(capacity: 4)
        var written = engine(at: now)
        written.writePast(now: now, memo: memo)
        var read = engine(at: now)
        read.writePast(now: now, memo: memo)
        var alone = engine(at: now)
        alone.writePast(now: now, memo: PastMemo(capacity: 4))
        #expect(summary(written).count > 200)
        #expect(summary(read) == summary(written))
        #expect(summary(alone) == summary(written))
        #expect(read.identifiers.makeDealId() == alone.identifiers.makeDealId())
        // Another day is another past, not the one kept.
        let dayBefore = now.addingTimeInterval(-86_400)
        var earlier = engine(at: dayBefore)
        earlier.writePast(now: dayBefore, memo: memo)
        var earlierAlone = engine(at: dayBefore)
        earlierAlone.writePast(now: dayBefore, memo: PastMemo(capacity: 4))
        #expect(summary(earlier) == summary(earlierAlone))
        #expect(summary(earlier) != summary(written))
    }

    @Test("--fresh-accounts keeps the accounts empty")
    func freshAccountsAreEmpty() async throws {
        try await Self.withClient(fresh: true) { client, _ in
            #expect(try await client.history.transactions(from: Self.yearAgo, to: Date(), pageSize: 500).isEmpty)
            #expect(try await client.history.activities(from: Self.yearAgo, to: Date(), pageSize: 500).isEmpty)
            let account = try #require(try await client.accounts.list().first { $0.accountId.rawValue == "ZSB01" })
            #expect(account.balance?.balance == 10_000)
        }
    }
}
