/// `status` of an affected deal in a confirmation.
public struct AffectedDealStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The deal was opened (`OPENED`).
    public static let opened: Self = "OPENED"
    /// The deal was amended (`AMENDED`).
    public static let amended: Self = "AMENDED"
    /// The deal was deleted (`DELETED`).
    public static let deleted: Self = "DELETED"
    /// The deal was fully closed (`FULLY_CLOSED`).
    public static let fullyClosed: Self = "FULLY_CLOSED"
    /// The deal was partially closed (`PARTIALLY_CLOSED`).
    public static let partiallyClosed: Self = "PARTIALLY_CLOSED"
}
