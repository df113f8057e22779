import Foundation

/// The records of one account's generated past, collected before they are written to the ledger in date order.
struct PastBook: Sendable {
    let accountId: String
    let currency: String
    let symbol: String
    private(set) var activities: [DealingLedger.Activity] = []
    private(set) var transactions: [DealingLedger.Transaction] = []

    init(accountId: String, currency: String, symbol: String) {
        self.accountId = accountId
        self.currency = currency
        self.symbol = symbol
    }

    private static func date(_ second: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(second)) }

    /// A dealing activity.
    mutating func activity(
        _ instrument: Instrument, dealId: String, reference: String, second: Int64, channel: String, type: String,
        description: String, actions: [(String, String)], direction: DealSide, size: Decimal, level: Decimal,
        stop: Decimal?, limit: Decimal?
    ) {
        self.activities.append(
            DealingLedger.Activity(
                accountId: self.accountId, date: Self.date(second), epic: instrument.epic,
                marketName: instrument.name, period: instrument.expiry, dealId: dealId, dealReference: reference,
                channel: channel, type: type, status: "ACCEPTED", description: description, actions: actions,
                currency: self.currency, currencySymbol: self.symbol, size: size, direction: direction, level: level,
                stopLevel: stop, stopDistance: nil, guaranteedStop: false, trailingStopDistance: nil,
                trailingStep: nil, limitLevel: limit, limitDistance: nil, goodTillDate: nil))
    }

    /// A closed deal's profit or loss (`DEAL`).
    mutating func deal(
        _ instrument: Instrument, dealId: String, open: Decimal, close: Decimal, size: Decimal, profit: Decimal,
        openSecond: Int64, closeSecond: Int64
    ) {
        self.transactions.append(
            DealingLedger.Transaction(
                accountId: self.accountId, date: Self.date(closeSecond), openDate: Self.date(openSecond),
                instrumentName: instrument.name, period: instrument.expiry, profitAndLoss: profit,
                currency: self.currency, currencySymbol: self.symbol, transactionType: "DEAL", reference: dealId,
                openLevel: open, closeLevel: close, size: size, cashTransaction: false))
    }

    /// A cash movement: a deposit, funding, a dividend.
    mutating func cash(type: String, name: String, amount: Decimal, second: Int64, reference: String) {
        self.transactions.append(
            DealingLedger.Transaction(
                accountId: self.accountId, date: Self.date(second), openDate: nil, instrumentName: name,
                period: "-", profitAndLoss: amount, currency: self.currency, currencySymbol: self.symbol,
                transactionType: type, reference: reference, openLevel: nil, closeLevel: nil, size: nil,
                cashTransaction: true))
    }
}
