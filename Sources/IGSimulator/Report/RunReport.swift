import Foundation

/// The result of a backtest or paper-trading run on one account: trades, profit and loss, fees, maximum drawdown,
/// exposure and the equity curve, from the dealing engine's ledger (`GET /simulator/report`,
/// ``IGSimulator/report(accountId:)``).
///
/// Money is in the account currency. The equity curve has one point per cash movement (closed deal, funding,
/// guaranteed-stop premium) plus the current equity (balance and running P&L of open positions) at the end; the
/// maximum drawdown is the largest fall of that curve from a previous peak.
public struct RunReport: Sendable, Hashable, Codable {
    /// One closed deal (or part of one).
    public struct Trade: Sendable, Hashable, Codable {
        /// When it was closed.
        public var closed: Date
        /// When the position was opened.
        public var opened: Date?
        /// The market's name.
        public var instrumentName: String
        /// The position's deal id.
        public var dealId: String
        /// Signed size: positive for a closed long position, negative for a short one.
        public var size: Decimal
        /// Opening level.
        public var openLevel: Decimal?
        /// Closing level.
        public var closeLevel: Decimal?
        /// Profit or loss in account currency (before fees).
        public var profitAndLoss: Decimal
    }

    /// One point of the equity curve.
    public struct EquityPoint: Sendable, Hashable, Codable {
        /// The instant.
        public var time: Date
        /// Balance (and, for the last point, running P&L) in account currency.
        public var equity: Decimal
    }

    /// The account.
    public var accountId: String
    /// Its currency.
    public var currency: String
    /// The run's span: from the dealing engine's start to the simulator's current time.
    public var from: Date
    /// The end of the span (the simulator's clock when the report was made).
    public var to: Date
    /// Cash when the run started.
    public var startingBalance: Decimal
    /// Cash now.
    public var balance: Decimal
    /// Running profit or loss of the positions still open.
    public var openProfitLoss: Decimal
    /// Number of positions still open.
    public var openPositions: Int
    /// Notional of the positions still open (account currency).
    public var openExposure: Decimal
    /// Closed deals, oldest first.
    public var trades: [Trade]
    /// Sum of the closed deals' profit and loss.
    public var tradingProfitLoss: Decimal
    /// Overnight funding paid (negative: received).
    public var fundingFees: Decimal
    /// Guaranteed-stop premiums paid.
    public var guaranteedStopPremiums: Decimal
    /// Equity now minus the starting balance: trading P&L, minus fees, plus the running P&L.
    public var netProfitLoss: Decimal
    /// The largest fall of the equity curve from a previous peak (a positive amount, or 0).
    public var maximumDrawdown: Decimal
    /// Share of the span during which a position was open (0…1), from the closed deals and the open positions.
    public var timeInMarket: Double
    /// Closed deals with a profit.
    public var winningTrades: Int
    /// The equity curve, oldest first.
    public var equityCurve: [EquityPoint]
}
