/// `status` of a deal confirmation: what happened to the position or order.
public struct DealConfirmStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The position or order is open (`OPEN`).
    public static let open: Self = "OPEN"
    /// The position or order is amended (`AMENDED`).
    public static let amended: Self = "AMENDED"
    /// The position or order is deleted (`DELETED`).
    public static let deleted: Self = "DELETED"
    /// The position or order is closed (`CLOSED`).
    public static let closed: Self = "CLOSED"
    /// The position or order is partially closed (`PARTIALLY_CLOSED`).
    public static let partiallyClosed: Self = "PARTIALLY_CLOSED"
}
