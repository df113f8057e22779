/// `status` of an affected deal in a confirmation.
public struct AffectedDealStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let opened: Self = "OPENED"
    public static let amended: Self = "AMENDED"
    public static let deleted: Self = "DELETED"
    public static let fullyClosed: Self = "FULLY_CLOSED"
    public static let partiallyClosed: Self = "PARTIALLY_CLOSED"
}
