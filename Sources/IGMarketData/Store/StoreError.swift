/// Why the market-data store refused or failed an operation, with a hint on what to do.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure: extensible (a new code is not a breaking change), compared with `==`, and identified by a
    /// stable string (``rawValue``) that tools may match on.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The stable name of the code, e.g. `connection`.
        public let rawValue: String

        /// The code named `rawValue` (a name this build does not know is kept as it is).
        public init(rawValue: String) { self.rawValue = rawValue }

        /// `--store` is neither a path nor a `postgres://` URL that can be used.
        public static let invalidLocation = Code(rawValue: "invalidLocation")
        /// The file is not an SQLite database (or is damaged); it was left untouched.
        public static let notADatabase = Code(rawValue: "notADatabase")
        /// The database holds tables of another application; it was left untouched.
        public static let foreignDatabase = Code(rawValue: "foreignDatabase")
        /// There is no store there yet (no SQLite file, or a PostgreSQL database without the store's tables), and it
        /// was opened without creating one.
        public static let noStore = Code(rawValue: "noStore")
        /// The store was written by a newer swift-ig (a schema version this build does not know).
        public static let newerSchema = Code(rawValue: "newerSchema")
        /// The database server could not be reached, the connection was lost, or it stopped answering in time.
        public static let connection = Code(rawValue: "connection")
        /// A value cannot be stored exactly.
        public static let unrepresentableValue = Code(rawValue: "unrepresentableValue")
        /// A stored value has a type or range that swift-ig never writes: the database was changed outside swift-ig
        /// or is damaged. It was left untouched.
        public static let unreadableValue = Code(rawValue: "unreadableValue")
        /// A copy between stores was given the same store as its source and its destination
        /// (``MarketDataStore/copy(from:environment:epics:resolutions:dryRun:pageSize:progress:)``); nothing was
        /// written.
        public static let sameStore = Code(rawValue: "sameStore")
        /// The database reported an error.
        public static let database = Code(rawValue: "database")
        /// The calling task was cancelled before the operation finished; a write may or may not have been committed
        /// (the store's writes of recordings are idempotent: writing the batch again is safe).
        public static let cancelled = Code(rawValue: "cancelled")

        /// The stable name of the code.
        public var description: String { rawValue }

        /// Decodes the code from its stable name.
        public init(from decoder: any Decoder) throws {
            rawValue = try decoder.singleValueContainer().decode(String.self)
        }

        /// Encodes the code as its stable name.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(rawValue)
        }
    }

    /// The hint of a ``Code/noStore`` refusal: the command that creates a store.
    static let noStoreHint = "`ig history sync EPIC -r RESOLUTION --from DATE` creates it and fetches into it."

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
