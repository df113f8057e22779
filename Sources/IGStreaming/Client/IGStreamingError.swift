/// Why a typed IG subscription ended with an error.
///
/// The ``Code`` is extensible (new codes are not a breaking change) and comparable with `==`.
public struct IGStreamingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case subscriptionRefused, noLightstreamerEndpoint
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The server refused the subscription (`REQERR`).
        public static let subscriptionRefused = Code(.subscriptionRefused)
        /// No Lightstreamer endpoint is known (the login response had none and none was configured).
        public static let noLightstreamerEndpoint = Code(.noLightstreamerEndpoint)

        /// The code's name, e.g. `subscriptionRefused`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// The server's error code, for ``Code/subscriptionRefused`` (TLCP Appendix B, e.g. 21 bad item, 23 bad schema).
    public var serverCode: Int?
    /// The server's message, for ``Code/subscriptionRefused``.
    public var message: String?

    /// Creates an error.
    public init(code: Code, serverCode: Int? = nil, message: String? = nil) {
        self.code = code
        self.serverCode = serverCode
        self.message = message
    }

    /// The server refused the subscription with TLCP error `code` and `message`.
    public static func subscriptionRefused(code: Int, message: String) -> IGStreamingError {
        IGStreamingError(code: .subscriptionRefused, serverCode: code, message: message)
    }

    /// No Lightstreamer endpoint is known.
    public static let noLightstreamerEndpoint = IGStreamingError(code: .noLightstreamerEndpoint)

    /// What to do about it, for a person.
    public var hint: String? {
        switch code {
        case .subscriptionRefused: "Check the epic and the field names; codes 21 and 23 mean a bad item or schema."
        case .noLightstreamerEndpoint:
            "Set `serverAddress` in the streaming configuration when the login response has no endpoint."
        default: nil
        }
    }

    /// A readable description (never contains a secret).
    public var description: String {
        switch code {
        case .subscriptionRefused: "Subscription refused (\(serverCode ?? 0)): \(message ?? "")"
        case .noLightstreamerEndpoint: "No Lightstreamer endpoint: the session has none and none was configured"
        default: "IG streaming error: \(code)"
        }
    }
}
