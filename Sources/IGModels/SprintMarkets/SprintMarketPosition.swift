public import Foundation

/// An open sprint-market position (`GET /positions/sprintmarkets`).
public struct SprintMarketPosition: Codable, Sendable, Hashable, Identifiable {
    public var dealId: DealId
    public var epic: Epic
    public var instrumentName: String?
    public var description: String?
    public var marketStatus: MarketStatus?
    /// v1: account-local; v2: `yyyy-MM-dd'T'HH:mm:ss`.
    public var createdDate: String?
    /// v1: account-local; v2: `yyyy-MM-dd'T'HH:mm:ss`.
    public var expiryTime: String?
    public var direction: Direction
    /// The level the market must finish above (BUY) or below (SELL).
    public var strikeLevel: Decimal?
    /// The stake.
    public var size: Decimal
    /// What a winning position pays.
    public var payoutAmount: Decimal?
    /// `[A-Z]{3}`.
    public var currency: String?

    public var id: DealId { dealId }
    /// When the position opened, from a v2 body (UTC).
    public var createdAt: Date? { createdDate.flatMap { IGDateFormat.iso.date(from: $0) } }
    /// When the position settles, from a v2 body (UTC).
    public var expiresAt: Date? { expiryTime.flatMap { IGDateFormat.iso.date(from: $0) } }
}
