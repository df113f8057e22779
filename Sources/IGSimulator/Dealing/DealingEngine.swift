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
    var nextIdentifier: UInt64 = 0
    /// How many times each dealReference was presented to a mutation (more than one = a resend).
    var referenceUses: [String: Int] = [:]

    init(market: DealingMarket, settings: DealingConfiguration, seed: UInt64, accounts: [SimulatedAccount], now: Date) {
        self.market = market
        self.settings = settings
        self.seed = seed
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

    // MARK: Identifiers

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    /// A new deal id in IG's shape: `DIAAAA` + 9 characters (15 in all).
    mutating func makeDealId() -> String {
        "DIAAAA" + self.makeCode(length: 9)
    }

    /// A server-generated deal reference (15 upper-case alphanumerics).
    mutating func makeReference() -> String {
        self.makeCode(length: 15)
    }

    private mutating func makeCode(length: Int) -> String {
        self.nextIdentifier += 1
        var random = RandomStream(seed: DeterministicHash.combine(self.seed, 0xDEA1, self.nextIdentifier))
        return String((0..<length).map { _ in Self.alphabet[random.index(below: Self.alphabet.count)] })
    }

    // MARK: Money

    /// Contract size of a CFD (units per contract), 1 for spread bets.
    static func contractSize(_ instrument: Instrument) -> Decimal {
        guard instrument.product == .cfd else { return 1 }
        return instrument.contractSize.flatMap { Decimal(string: $0) } ?? Decimal(string: String(instrument.lotSize))
            ?? 1
    }

    /// Units of the instrument's quote currency per unit of account currency.
    static func rate(_ instrument: Instrument) -> Decimal {
        Decimal(string: String(instrument.defaultCurrency.exchangeRate)) ?? 1
    }

    static func money(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }

    /// Profit (account currency) of `size` of a position closed at `closeLevel`.
    static func profit(
        direction: DealSide, open: Decimal, close: Decimal, size: Decimal, instrument: Instrument
    ) -> Decimal {
        let move = (close - open) * direction.sign
        if instrument.product == .spreadBet {
            return money(move / DealingMarket.pointSize(instrument) * size)
        }
        return money(move * size * contractSize(instrument) / rate(instrument))
    }

    /// Margin (account currency) of `size` at `level`.
    static func margin(level: Decimal, size: Decimal, instrument: Instrument) -> Decimal {
        let factor = (Decimal(string: String(instrument.marginFactor)) ?? 5) / 100
        if instrument.product == .spreadBet {
            return money(level / DealingMarket.pointSize(instrument) * size * factor)
        }
        return money(level * size * contractSize(instrument) * factor / rate(instrument))
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
            profitLoss += Self.profit(
                direction: position.direction, open: position.level, close: close, size: position.size,
                instrument: instrument)
            deposit += Self.margin(level: position.level, size: position.size, instrument: instrument)
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
            dealReference: reference, dealId: self.makeDealId(), accountId: accountId, date: now, status: nil,
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

extension Duration {
    /// The duration in seconds.
    var seconds: TimeInterval { self.timeInterval }
}
