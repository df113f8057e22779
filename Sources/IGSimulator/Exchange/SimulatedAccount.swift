/// One of the simulated client's dealing accounts.
public struct SimulatedAccount: Sendable, Hashable {
    /// Account id, e.g. `ZSB01`.
    public var accountId: String
    /// Account name.
    public var accountName: String
    /// `SPREADBET` or `CFD`.
    public var accountType: String
    /// Account currency ISO code.
    public var currency: String
    /// Currency symbol.
    public var currencySymbol: String
    /// Cash balance.
    public var balance: Double

    /// The two accounts every simulated client has: a spread bet account (the default) and a CFD account.
    public static let standard: [SimulatedAccount] = [
        SimulatedAccount(
            accountId: "ZSB01", accountName: "Spread bet", accountType: "SPREADBET", currency: "GBP",
            currencySymbol: "£", balance: 10_000),
        SimulatedAccount(
            accountId: "ZCF02", accountName: "CFD", accountType: "CFD", currency: "GBP", currencySymbol: "£",
            balance: 5_000),
    ]
}
