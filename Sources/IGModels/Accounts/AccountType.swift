/// The kind of an IG account.
public struct AccountType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A CFD account.
    public static let cfd: Self = "CFD"
    /// A share-dealing, ISA or SIPP account.
    public static let physical: Self = "PHYSICAL"
    /// A spread-betting account.
    public static let spreadBet: Self = "SPREADBET"
}
