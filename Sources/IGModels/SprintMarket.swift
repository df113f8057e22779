public import Foundation

/// How long a sprint-market position runs.
public struct SprintExpiryPeriod: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The sprint ends after one minute.
    public static let oneMinute: Self = "ONE_MINUTE"
    /// The sprint ends after two minutes.
    public static let twoMinutes: Self = "TWO_MINUTES"
    /// The sprint ends after five minutes.
    public static let fiveMinutes: Self = "FIVE_MINUTES"
    /// The sprint ends after twenty minutes.
    public static let twentyMinutes: Self = "TWENTY_MINUTES"
    /// The sprint ends after sixty minutes.
    public static let sixtyMinutes: Self = "SIXTY_MINUTES"

    /// Every period IG documents.
    public static let all: [Self] = [.oneMinute, .twoMinutes, .fiveMinutes, .twentyMinutes, .sixtyMinutes]
}

/// The body of `POST /positions/sprintmarkets` (v1): a fixed-odds bet that the market finishes above (BUY) or
/// below (SELL) its current level after ``expiryPeriod``.
public struct SprintMarketOrder: Codable, Sendable, Hashable {
    /// The client's reference; the dealing workflow fills it in when nil.
    public var dealReference: DealReference?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// `BUY` or `SELL`.
    public var direction: Direction
    /// The stake.
    public var size: Decimal
    /// How long the sprint runs.
    public var expiryPeriod: SprintExpiryPeriod

    /// Creates a sprint-market order.
    public init(
        epic: Epic, direction: Direction, size: Decimal, expiryPeriod: SprintExpiryPeriod,
        dealReference: DealReference? = nil
    ) {
        self.dealReference = dealReference
        self.epic = epic
        self.direction = direction
        self.size = size
        self.expiryPeriod = expiryPeriod
    }
}

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

/// The body of `GET /positions/sprintmarkets` (v1, v2).
public struct SprintMarketPositionsResponse: Codable, Sendable, Hashable {
    /// The sprint-market positions.
    public var sprintMarketPositions: [SprintMarketPosition]
}
