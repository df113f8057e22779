/// The kind of a transaction as IG reports it (`DEAL`, `DEPO`, `WITH`, `DIVIDEND`, `CHART`…).
public struct TransactionType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let deal: Self = "DEAL"
    public static let deposit: Self = "DEPO"
    public static let withdrawal: Self = "WITH"
    public static let dividend: Self = "DIVIDEND"
    public static let chart: Self = "CHART"
    public static let exchange: Self = "EXCHANGE"
    public static let trade: Self = "TRADE"
}
