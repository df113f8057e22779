import Foundation

/// The simulator's dealing engine: a pure state machine. Requests and the current time go in; confirms,
/// state changes and exchange events come out. It knows nothing about HTTP.
///
/// Time only moves forward through ``advance(to:)``: every call first replays the price path since the last
/// one, so stops, limits, trailing stops and working orders trigger at the second the path crosses them.
struct DealingEngine: Sendable {
    /// A dealing account's cash.
    struct Account: Sendable, Hashable {
        var accountId: String
        var product: Instrument.Product
        var currency: String
        var currencySymbol: String
        var balance: Decimal
    }

    /// An account's figures as `GET /accounts` reports them.
    struct Figures: Sendable, Hashable {
        var balance: Decimal
        var deposit: Decimal
        var profitLoss: Decimal
        var available: Decimal
    }

    let market: DealingMarket
    let settings: DealingConfiguration
    let seed: UInt64
    var accounts: [String: Account]
    var positions: [SimPosition] = []
    var orders: [SimWorkingOrder] = []
    /// Open sprint-market positions, settled at their expiry by ``advance(to:)``.
    var sprints: [SimSprintPosition] = []
    var confirms: [String: SimConfirm] = [:]
    /// Recent accepted orders by fingerprint, for `DUPLICATE_ORDER_ERROR`.
    var recentOrders: [(fingerprint: String, date: Date)] = []
    var ledger = DealingLedger()
    /// Seconds (UTC) up to which the price path has been replayed.
    var evaluatedUntil: Int64
    /// The last funding cut-off charged (nil: none yet; funding starts with the engine).
    var fundedThrough: Int64?
    /// Deal ids and references, deterministic from the seed.
    var identifiers: DealIdentifiers
    /// How many times each dealReference was presented to a mutation (more than one = a resend).
    var referenceUses: [String: Int] = [:]

    init(market: DealingMarket, settings: DealingConfiguration, seed: UInt64, accounts: [SimulatedAccount], now: Date) {
        self.market = market
        self.settings = settings
        self.seed = seed
        self.identifiers = DealIdentifiers(seed: seed)
        var table = [String: Account]()
        for account in accounts {
            let balance =
                settings.startingBalances[account.accountId]
                ?? Decimal(string: String(account.balance)) ?? 0
            table[account.accountId] = Account(
                accountId: account.accountId,
                product: account.accountType == "CFD" ? .cfd : .spreadBet,
                currency: account.currency, currencySymbol: account.currencySymbol, balance: balance)
        }
        self.accounts = table
        self.evaluatedUntil = PriceEngine.second(now)
    }

    /// Balance, margin, running P&L and available funds of an account at `now`.
    func figures(accountId: String, now: Date) -> Figures {
        guard let account = self.accounts[accountId] else {
            return Figures(balance: 0, deposit: 0, profitLoss: 0, available: 0)
        }
        var deposit: Decimal = 0
        var profitLoss: Decimal = 0
        for position in self.positions where position.accountId == accountId {
            guard let instrument = self.market.instrument(position.epic) else { continue }
            let quote = self.market.quote(instrument, at: now)
            let close = position.direction == .buy ? quote.bid : quote.offer
            profitLoss += DealingMoney.profit(
                direction: position.direction, open: position.level, close: close, size: position.size,
                instrument: instrument)
            deposit += DealingMoney.margin(level: position.level, size: position.size, instrument: instrument)
        }
        return Figures(
            balance: account.balance, deposit: deposit, profitLoss: profitLoss,
            available: account.balance + profitLoss - deposit)
    }

    // MARK: Confirms

    /// The confirm of `reference` for `accountId`, as readable at `now` (nil inside the not-found window and
    /// after the confirm's lifetime).
    func confirm(reference: String, accountId: String, now: Date) -> SimConfirm? {
        guard let confirm = self.confirms[reference], confirm.accountId == accountId else { return nil }
        let age = now.timeIntervalSince(confirm.date)
        if age < self.settings.confirmNotFoundWindow.seconds { return nil }
        if age > self.settings.confirmLifetime.seconds { return nil }
        return confirm
    }

    /// Stores a confirm and builds its CONFIRMS event.
    mutating func publish(_ confirm: SimConfirm, into outcome: inout DealOutcome) {
        self.confirms[confirm.dealReference] = confirm
        outcome.confirm = confirm
        outcome.events.append(.confirm(accountId: confirm.accountId, json: Self.confirmJSON(confirm).text))
        // Confirms older than twice their lifetime are forgotten.
        if self.confirms.count > 20_000 {
            let horizon = confirm.date.addingTimeInterval(-2 * self.settings.confirmLifetime.seconds)
            self.confirms = self.confirms.filter { $0.value.date >= horizon }
        }
    }

    /// A rejection confirm (and its activity).
    mutating func reject(
        _ reason: String, reference: String, accountId: String, epic: String?, expiry: String?,
        direction: DealSide?, size: Decimal?, type: String, now: Date
    ) -> DealOutcome {
        var outcome = DealOutcome(dealReference: reference)
        let confirm = SimConfirm(
            dealReference: reference, dealId: self.identifiers.makeDealId(), accountId: accountId, date: now,
            status: nil,
            reason: reason, dealStatus: "REJECTED", epic: epic, expiry: expiry, size: size, direction: direction)
        self.publish(confirm, into: &outcome)
        let instrument = epic.flatMap { self.market.instrument($0) }
        self.recordActivity(
            accountId: accountId, date: now, instrument: instrument, epic: epic ?? "", period: expiry ?? "-",
            dealId: confirm.dealId, reference: reference, channel: "PUBLIC_WEB_API", type: type,
            status: "REJECTED", description: "Rejected: \(reason)", actions: [], direction: direction, size: size)
        return outcome
    }

    /// Appends an activity to the ledger.
    mutating func recordActivity(
        accountId: String, date: Date, instrument: Instrument?, epic: String, period: String, dealId: String,
        reference: String, channel: String, type: String, status: String, description: String,
        actions: [(String, String)], direction: DealSide? = nil, size: Decimal? = nil, level: Decimal? = nil,
        stopLevel: Decimal? = nil, limitLevel: Decimal? = nil, guaranteedStop: Bool = false,
        trailingStopDistance: Decimal? = nil, trailingStep: Decimal? = nil, goodTill: Date? = nil
    ) {
        let account = self.accounts[accountId]
        self.ledger.record(
            DealingLedger.Activity(
                accountId: accountId, date: date, epic: epic, marketName: instrument?.name ?? epic, period: period,
                dealId: dealId, dealReference: reference, channel: channel, type: type, status: status,
                description: description, actions: actions, currency: account?.currency ?? "GBP",
                currencySymbol: account?.currencySymbol ?? "£", size: size, direction: direction, level: level,
                stopLevel: stopLevel, stopDistance: nil, guaranteedStop: guaranteedStop,
                trailingStopDistance: trailingStopDistance, trailingStep: trailingStep, limitLevel: limitLevel,
                limitDistance: nil, goodTillDate: goodTill))
    }

    /// Notes the use of a client reference; true when it was already used (the request must not execute again).
    mutating func isReusedReference(_ reference: String) -> Bool {
        self.referenceUses[reference, default: 0] += 1
        return self.referenceUses[reference, default: 0] > 1
    }

    /// Checks and records an order fingerprint for `DUPLICATE_ORDER_ERROR`.
    mutating func isDuplicate(_ fingerprint: String, now: Date) -> Bool {
        let window = self.settings.duplicateOrderWindow.seconds
        guard window > 0 else { return false }
        self.recentOrders.removeAll { now.timeIntervalSince($0.date) > window }
        if self.recentOrders.contains(where: { $0.fingerprint == fingerprint }) { return true }
        self.recentOrders.append((fingerprint, now))
        return false
    }
}
