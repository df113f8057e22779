public import IGMarketData

/// Why a recorder stopped.
///
/// A struct, so that a later kind of failure is not a breaking change: compare ``code``, and read ``storeError`` for
/// the store's own error.
public struct RecorderError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, compared with `==` (a new code is not a breaking change).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The stable name of the code, e.g. `store`.
        public let rawValue: String

        /// The code named `rawValue`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The store could not be written (after retries).
        public static let store = Code(rawValue: "store")
        /// Nothing to record: no epic, or neither ticks nor candles.
        public static let nothingToRecord = Code(rawValue: "nothingToRecord")

        /// The stable name of the code.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The store's error, for ``Code/store``.
    public let storeError: StoreError?

    private init(code: Code, storeError: StoreError?) {
        self.code = code
        self.storeError = storeError
    }

    /// The store could not be written (after retries); rows not committed were not acknowledged, and the next run
    /// records the interval as a `restart` gap.
    public static func store(_ error: StoreError) -> RecorderError { RecorderError(code: .store, storeError: error) }

    /// Nothing to record: no epic, or neither ticks nor candles.
    public static let nothingToRecord = RecorderError(code: .nothingToRecord, storeError: nil)

    /// What happened and what to do.
    public var description: String {
        if let storeError {
            return "The recording could not be written: \(storeError.description) Rows not committed are recorded "
                + "as a gap when the recorder starts again."
        }
        return "Nothing to record. Give at least one EPIC, and --ticks or --candles SCALES."
    }
}
