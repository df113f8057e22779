/// Why the market-data store refused or failed an operation, with a hint on what to do.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable, Codable {
        /// `--store` is neither a path nor a `postgres://` URL that can be used.
        case invalidLocation
        /// The file is not an SQLite database (or is damaged); it was left untouched.
        case notADatabase
        /// The database holds tables of another application; it was left untouched.
        case foreignDatabase
        /// The store was written by a newer swift-ig (a schema version this build does not know).
        case newerSchema
        /// The database server could not be reached or the connection was lost.
        case connection
        /// A value cannot be stored exactly.
        case unrepresentableValue
        /// The database reported an error.
        case database
    }

    /// What kind of failure this is.
    public var code: Code
    /// What happened.
    public var message: String
    /// What to do about it.
    public var hint: String?

    /// An error with its kind, what happened and what to do about it.
    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The message and the hint, for a person.
    public var description: String {
        guard let hint else { return message }
        return message + " " + hint
    }
}
