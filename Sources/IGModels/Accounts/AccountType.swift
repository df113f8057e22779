/// The kind of an IG account.
public struct AccountType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A CFD account.
    public static let cfd: Self = "CFD"
    /// A share-dealing, ISA or SIPP account.
    public static let physical: Self = "PHYSICAL"
    /// A spread-betting account.
    public static let spreadBet: Self = "SPREADBET"
}
