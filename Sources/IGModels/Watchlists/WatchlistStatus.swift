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
