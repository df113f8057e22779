/// `status` of a deal confirmation: what happened to the position or order.
public struct DealConfirmStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let open: Self = "OPEN"
    public static let amended: Self = "AMENDED"
    public static let deleted: Self = "DELETED"
    public static let closed: Self = "CLOSED"
    public static let partiallyClosed: Self = "PARTIALLY_CLOSED"
}
