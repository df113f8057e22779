/// How long a working order lives.
public struct WorkingOrderTimeInForce: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let goodTillCancelled: Self = "GOOD_TILL_CANCELLED"
    public static let goodTillDate: Self = "GOOD_TILL_DATE"
}
