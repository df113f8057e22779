/// Why ``LightstreamerClient/run()`` stopped with an error.
///
/// The ``Code`` is extensible (new codes are not a breaking change) and comparable with `==`.
public struct LightstreamerClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case connectionFailed, alreadyRunning
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The connection failed for good (bad credentials, unsupported protocol, a server-side close…).
        public static let connectionFailed = Code(.connectionFailed)
        /// ``LightstreamerClient/run()`` was called a second time.
        public static let alreadyRunning = Code(.alreadyRunning)

        /// The code's name, e.g. `connectionFailed`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// What the server or the transport reported, for ``Code/connectionFailed``.
    public var problem: TLCPConnectionProblem?

    /// Creates an error.
    public init(code: Code, problem: TLCPConnectionProblem? = nil) {
        self.code = code
        self.problem = problem
    }

    /// The connection failed for good with `problem`.
    public static func connectionFailed(_ problem: TLCPConnectionProblem) -> LightstreamerClientError {
        LightstreamerClientError(code: .connectionFailed, problem: problem)
    }

    /// ``LightstreamerClient/run()`` was called a second time.
    public static let alreadyRunning = LightstreamerClientError(code: .alreadyRunning)

    /// What to do about it, for a person.
    public var hint: String? {
        switch code {
        case .alreadyRunning: "Create a new LightstreamerClient for each run, or keep the first run() going."
        default: nil
        }
    }

    /// A readable description (never contains a secret).
    public var description: String {
        switch code {
        case .connectionFailed:
            "Lightstreamer connection failed: " + (problem.map { "\($0)" } ?? "unknown problem")
        case .alreadyRunning: "LightstreamerClient.run() was already called"
        default: "Lightstreamer client error: \(code)"
        }
    }
}
