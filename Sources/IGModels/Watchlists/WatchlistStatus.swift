/// The outcome of a watchlist operation.
public struct WatchlistStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let success: Self = "SUCCESS"
    /// The watchlist was created, but some epics could not be added.
    public static let successNotAllInstrumentsAdded: Self = "SUCCESS_NOT_ALL_INSTRUMENTS_ADDED"
}
