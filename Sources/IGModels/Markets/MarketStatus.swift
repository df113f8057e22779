/// Whether a market can be dealt on now.
public struct MarketStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Open for dealing.
    public static let tradeable: Self = "TRADEABLE"
    /// The market is closed (`CLOSED`).
    public static let closed: Self = "CLOSED"
    /// Orders can be amended but not opened.
    public static let editsOnly: Self = "EDITS_ONLY"
    /// The market is offline (`OFFLINE`).
    public static let offline: Self = "OFFLINE"
    /// In an auction; orders can be amended.
    public static let onAuction: Self = "ON_AUCTION"
    /// In an auction; no changes accepted.
    public static let onAuctionNoEdits: Self = "ON_AUCTION_NO_EDITS"
    /// The market is suspended (`SUSPENDED`).
    public static let suspended: Self = "SUSPENDED"
}
