/// `dealStatus` of a deal confirmation.
public struct DealStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accepted: Self = "ACCEPTED"
    public static let rejected: Self = "REJECTED"
}
