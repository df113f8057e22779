public import IGModels

/// Every failure `IGClient` reports: what went wrong, on which operation, what IG said, and what to do about it.
///
/// The ``Code`` is extensible (new codes are not a breaking change) and comparable with `==`. IG's own
/// `errorCode` string, when there is one, is in ``errorCode``; ``hint`` is written for a person.
/// A deal rejection is not an error: it is a confirmation with `dealStatus: REJECTED`.
public struct IGError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case httpStatus, decoding, transport, timeout, invalidConfiguration, liveTradingNotEnabled
            case missingCredentials, encryption, notLoggedIn, invalidArgument, cancelled, allowanceExhausted
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// IG answered with an error status (see ``IGError/httpStatus`` and ``IGError/errorCode``).
        public static let httpStatus = Code(.httpStatus)
        /// IG's body could not be decoded (non-JSON, truncated, or of an unexpected shape).
        public static let decoding = Code(.decoding)
        /// The connection failed before a response arrived.
        public static let transport = Code(.transport)
        /// No response within the configured timeout.
        public static let timeout = Code(.timeout)
        /// The configuration cannot work (bad URL, wrong session version for an operation…).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// The LIVE environment was chosen without the explicit opt-in.
        public static let liveTradingNotEnabled = Code(.liveTradingNotEnabled)
        /// Credentials are missing or incomplete.
        public static let missingCredentials = Code(.missingCredentials)
        /// The password could not be encrypted with IG's key.
        public static let encryption = Code(.encryption)
        /// The operation needs a session and none could be established.
        public static let notLoggedIn = Code(.notLoggedIn)
        /// A caller-supplied value was rejected before anything was sent.
        public static let invalidArgument = Code(.invalidArgument)
        /// The task was cancelled.
        public static let cancelled = Code(.cancelled)
        /// The request would use more of an allowance than remains (checked before sending).
        public static let allowanceExhausted = Code(.allowanceExhausted)

        /// A readable description (never contains a secret).
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The operation, e.g. `GET /markets/{epic}` or `login v2`.
    public var operation: String?
    /// The HTTP status IG answered with, when there was a response.
    public var httpStatus: Int?
    /// IG's `errorCode`, when the body carried one.
    public var errorCode: IGErrorCode?
    /// A human explanation of the likely cause and the fix.
    public var hint: String?
    /// A technical detail (never contains secrets).
    public var detail: String?
    /// The underlying error, if any.
    public var underlying: (any Error)?
    /// How long IG asked the caller to wait (`Retry-After`), when it said so.
    public var retryAfter: Duration?

    /// Creates an error.
    public init(
        code: Code, operation: String? = nil, httpStatus: Int? = nil, errorCode: IGErrorCode? = nil,
        detail: String? = nil, hint: String? = nil, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.operation = operation
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.hint = hint
        self.detail = detail
        self.underlying = underlying
    }

    /// A readable description (never contains a secret).
    public var description: String {
        var parts = ["IGError.\(code)"]
        if let operation { parts.append("operation: \(operation)") }
        if let httpStatus { parts.append("status: \(httpStatus)") }
        if let errorCode { parts.append("errorCode: \(errorCode)") }
        if let detail { parts.append("detail: \(detail)") }
        var text = parts.joined(separator: ", ")
        if let hint { text += "\nHint: \(hint)" }
        return text
    }
}
