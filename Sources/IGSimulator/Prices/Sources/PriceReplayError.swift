public import IGMarketData

/// Why a ``PriceReplay`` could not be built.
///
/// A struct, so that a later kind of failure is not a breaking change: compare ``code`` with `==`, and read
/// ``storeError`` for the store's own error.
public struct PriceReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, compared with `==` (a new code is not a breaking change).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The stable name of the code, e.g. `empty`.
        public let rawValue: String

        /// The code named `rawValue` (a name this build does not know is kept as it is).
        public init(rawValue: String) { self.rawValue = rawValue }

        /// WEEK and MONTH bars have no fixed length and cannot be replayed second by second.
        public static let unsupportedResolution = Code(rawValue: "unsupportedResolution")
        /// No bar or tick of an epic the simulator's catalog knows (for a live source: no epic it knows).
        public static let empty = Code(rawValue: "empty")
        /// The store could not be read.
        public static let store = Code(rawValue: "store")
        /// The stored market details of an epic give another `scalingFactor` than the simulator's quoting.
        public static let quoting = Code(rawValue: "quoting")

        /// The stable name of the code.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// What went wrong.
    public let message: String
    /// What to do about it, when there is something to do.
    public let hint: String?
    /// The epic at fault, for ``Code/quoting``.
    public let epic: String?
    /// The store's error, for ``Code/store``.
    public let storeError: StoreError?

    private init(
        _ code: Code, _ message: String, hint: String? = nil, epic: String? = nil, storeError: StoreError? = nil
    ) {
        self.code = code
        self.message = message
        self.hint = hint
        self.epic = epic
        self.storeError = storeError
    }

    /// Bars of `resolution` (WEEK, MONTH) have no fixed length and cannot be replayed second by second.
    public static func unsupportedResolution(_ resolution: PriceResolution) -> PriceReplayError {
        PriceReplayError(
            .unsupportedResolution, "\(resolution.rawValue) bars cannot be replayed",
            hint: "record MINUTE (or finer, fixed-length) bars")
    }

    /// No bar or tick of an epic the simulator's catalog knows.
    public static let empty = PriceReplayError(
        .empty, "the recording holds no bar of an epic the simulator knows",
        hint: "fill the store first (ig prices EPIC --store PATH, or ig history sync)")

    /// The store could not be read: `error` says why (and what to do).
    public static func store(_ error: StoreError) -> PriceReplayError {
        PriceReplayError(.store, "the market-data store could not be read: \(error.description)", storeError: error)
    }

    /// The stored market details of `epic` give the `scalingFactor` `stored`, the simulator quotes it with
    /// `simulator`: its recorded levels would replay at the wrong magnitude.
    public static func quoting(epic: String, stored: String, simulator: String) -> PriceReplayError {
        PriceReplayError(
            .quoting, "\(epic) was recorded with scalingFactor \(stored) but the simulator quotes it with \(simulator)",
            hint: "record it again from this simulator version (or from IG) so levels keep their magnitude",
            epic: epic)
    }

    /// What went wrong and, when there is one, what to do about it.
    public var description: String {
        guard let hint else { return message }
        return message + "; " + hint
    }
}
