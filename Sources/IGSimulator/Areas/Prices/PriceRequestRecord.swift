import Foundation

/// One historical-price request the simulator served, as kept in its request log (``IGSimulator/priceRequests()``,
/// `GET /simulator/prices/requests`).
public struct PriceRequestRecord: Sendable, Hashable, Codable {
    /// The login that asked.
    public var identifier: String
    /// The account the request was counted against.
    public var accountId: String
    /// The epic.
    public var epic: String
    /// The resolution as the request named it (`MINUTE`, `HOUR`…; empty when not given).
    public var resolution: String
    /// The requested range start, as sent (`from`, `startdate` or the v2 path's start; empty for a last-N request).
    public var from: String
    /// The requested range end, as sent (empty when not given).
    public var to: String
    /// The page of a v3 request (1 when not paged).
    public var pageNumber: Int
    /// Points (bars) served and counted against the weekly allowance.
    public var points: Int
    /// When it was served (the simulator's clock).
    public var at: Date

    /// A record.
    public init(
        identifier: String, accountId: String, epic: String, resolution: String, from: String, to: String,
        pageNumber: Int, points: Int, at: Date
    ) {
        self.identifier = identifier
        self.accountId = accountId
        self.epic = epic
        self.resolution = resolution
        self.from = from
        self.to = to
        self.pageNumber = pageNumber
        self.points = points
        self.at = at
    }
}
