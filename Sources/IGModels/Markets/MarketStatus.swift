/// Whether a market can be dealt on now.
public struct MarketStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let tradeable: Self = "TRADEABLE"
    public static let closed: Self = "CLOSED"
    public static let editsOnly: Self = "EDITS_ONLY"
    public static let offline: Self = "OFFLINE"
    public static let onAuction: Self = "ON_AUCTION"
    public static let onAuctionNoEdits: Self = "ON_AUCTION_NO_EDITS"
    public static let suspended: Self = "SUSPENDED"
}
