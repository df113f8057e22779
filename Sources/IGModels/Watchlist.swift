/// The id of a watchlist. System watchlists use their name as id (`Popular Markets`).
public struct WatchlistId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// A watchlist as listed by `GET /watchlists`.
public struct Watchlist: Codable, Sendable, Hashable {
    /// The watchlist's id.
    public var id: WatchlistId
    /// The watchlist's name.
    public var name: String
    /// Whether markets can be added or removed.
    public var editable: Bool?
    /// Whether the watchlist can be deleted (false for system watchlists).
    public var deleteable: Bool?
    /// Whether this is IG's default system watchlist.
    public var defaultSystemWatchlist: Bool?
}

/// The body of `GET /watchlists`.
public struct WatchlistsResponse: Codable, Sendable, Hashable {
    /// The watchlists.
    public var watchlists: [Watchlist]
}

/// The body of `POST /watchlists`.
public struct CreateWatchlistRequest: Codable, Sendable, Hashable {
    /// The name (letters, digits, space, `.`, `_`).
    public var name: String
    /// Markets to add straight away.
    public var epics: [Epic]

    /// Creates the body of `POST /watchlists`.
    public init(name: String, epics: [Epic] = []) {
        self.name = name
        self.epics = epics
    }
}

/// The outcome of a watchlist operation.
public struct WatchlistStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The change was made (`SUCCESS`).
    public static let success: Self = "SUCCESS"
    /// The watchlist was created, but some epics could not be added.
    public static let successNotAllInstrumentsAdded: Self = "SUCCESS_NOT_ALL_INSTRUMENTS_ADDED"
}

/// The answer to `POST /watchlists`.
public struct CreatedWatchlist: Codable, Sendable, Hashable {
    /// The new watchlist's id.
    public var watchlistId: WatchlistId
    /// `SUCCESS`, or `SUCCESS_NOT_ALL_INSTRUMENTS_ADDED`.
    public var status: WatchlistStatus
}

/// The body of `GET /watchlists/{id}`.
public struct WatchlistMarkets: Codable, Sendable, Hashable {
    /// The markets of the watchlist.
    public var markets: [MarketSummary]

    enum CodingKeys: String, CodingKey { case markets }

    /// Creates a list.
    public init(markets: [MarketSummary]) { self.markets = markets }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        markets = try container.decodeIfPresent([MarketSummary].self, forKey: .markets) ?? []
    }
}

/// `{"status": …}`, the answer to watchlist updates and deletions.
public struct WatchlistStatusResponse: Codable, Sendable, Hashable {
    /// IG's status, `SUCCESS` when done.
    public var status: WatchlistStatus
}
