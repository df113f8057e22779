/// The kind of a transaction as IG reports it (`DEAL`, `DEPO`, `WITH`, `DIVIDEND`, `CHART`…).
public struct TransactionType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A deal (`DEAL`).
    public static let deal: Self = "DEAL"
    /// `DEPO`: a deposit.
    public static let deposit: Self = "DEPO"
    /// `WITH`: a withdrawal.
    public static let withdrawal: Self = "WITH"
    /// A dividend (`DIVIDEND`).
    public static let dividend: Self = "DIVIDEND"
    /// A chart (`CHART`).
    public static let chart: Self = "CHART"
    /// An exchange (`EXCHANGE`).
    public static let exchange: Self = "EXCHANGE"
    /// A trade (`TRADE`).
    public static let trade: Self = "TRADE"
}
