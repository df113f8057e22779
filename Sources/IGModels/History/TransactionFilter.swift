/// Which transactions a history request returns (`ALL`, `ALL_DEAL`, `DEPOSIT`, `WITHDRAWAL`).
public struct TransactionFilter: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Every transaction.
    public static let all: Self = "ALL"
    /// Deals only (no cash movements).
    public static let allDeal: Self = "ALL_DEAL"
    /// Deposits.
    public static let deposit: Self = "DEPOSIT"
    /// Withdrawals.
    public static let withdrawal: Self = "WITHDRAWAL"
}
