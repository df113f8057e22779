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
