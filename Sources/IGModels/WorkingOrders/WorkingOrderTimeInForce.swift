/// How long a working order lives.
public struct WorkingOrderTimeInForce: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The order stays until cancelled (`GOOD_TILL_CANCELLED`).
    public static let goodTillCancelled: Self = "GOOD_TILL_CANCELLED"
    /// The order expires at its `goodTillDate` (`GOOD_TILL_DATE`).
    public static let goodTillDate: Self = "GOOD_TILL_DATE"
}
