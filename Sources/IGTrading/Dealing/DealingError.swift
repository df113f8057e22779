public import IGModels

/// Why a dealing workflow did not produce a `DealConfirmation`.
///
/// A deal IG rejected is *not* an error: it is a confirmation with `dealStatus == .rejected`.
public struct DealingError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure. Extensible: new kinds are not a breaking change; compare with `==`.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case outcomeUnknown, validation, liveTradingNotEnabled, requestFailed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The request may or may not have been executed and reconciliation could not tell. Nothing was resent:
        /// check ``DealingError/dealReference`` on the platform before trying again.
        public static let outcomeUnknown = Kind(.outcomeUnknown)
        /// Pre-flight validation refused the request; nothing was sent.
        public static let validation = Kind(.validation)
        /// A LIVE mutation without the configuration's explicit live opt-in; nothing was sent.
        public static let liveTradingNotEnabled = Kind(.liveTradingNotEnabled)
        /// IG refused the request before executing it (HTTP 4xx, e.g. a `validation.*` code); nothing happened.
        public static let requestFailed = Kind(.requestFailed)

        /// The kind's name, e.g. `outcomeUnknown`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var kind: Kind
    /// The deal reference of the order concerned (known before sending for new positions and orders).
    public var dealReference: DealReference?
    /// The IG error behind it, when there was one.
    public var underlying: IGError?
    /// What went wrong, for a person.
    public var message: String

    /// Creates an error.
    public init(kind: Kind, dealReference: DealReference? = nil, underlying: IGError? = nil, message: String) {
        self.kind = kind
        self.dealReference = dealReference
        self.underlying = underlying
        self.message = message
    }

    /// A readable description (never contains a secret).
    public var description: String {
        var text = "DealingError.\(kind): \(message)"
        if let dealReference { text += " (dealReference \(dealReference))" }
        if let underlying { text += " [\(underlying.code)\(underlying.errorCode.map { " \($0)" } ?? "")]" }
        return text
    }
}
