/// `dealStatus` of a deal confirmation.
public struct DealStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// IG accepted the deal.
    public static let accepted: Self = "ACCEPTED"
    /// IG rejected the deal; the confirmation's `reason` says why.
    public static let rejected: Self = "REJECTED"
}
