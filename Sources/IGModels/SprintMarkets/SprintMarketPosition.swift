public import Foundation

/// An open sprint-market position (`GET /positions/sprintmarkets`).
public struct SprintMarketPosition: Codable, Sendable, Hashable, Identifiable {
    /// IG's id of the position or working order.
    public var dealId: DealId
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The market's name.
    public var instrumentName: String?
    /// IG's description of the position.
    public var description: String?
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
    /// v1: account-local; v2: `yyyy-MM-dd'T'HH:mm:ss`.
    public var createdDate: String?
    /// v1: account-local; v2: `yyyy-MM-dd'T'HH:mm:ss`.
    public var expiryTime: String?
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The level the market must finish above (BUY) or below (SELL).
    public var strikeLevel: Decimal?
    /// The stake.
    public var size: Decimal
    /// What a winning position pays.
    public var payoutAmount: Decimal?
    /// `[A-Z]{3}`.
    public var currency: String?

    /// The identity of the element (its deal or account id).
    public var id: DealId { dealId }
    /// When the position opened, from a v2 body (UTC).
    public var createdAt: Date? { createdDate.flatMap { IGDateFormat.iso.date(from: $0) } }
    /// When the position settles, from a v2 body (UTC).
    public var expiresAt: Date? { expiryTime.flatMap { IGDateFormat.iso.date(from: $0) } }
}
