extension TLCPSessionStateMachine {
    /// How the machine connects and how patient it is. Defaults follow the official clients' timings.
    public struct Configuration: Sendable {
        /// Which transport to use.
        public enum TransportPolicy: Sendable, Hashable {
            /// WebSocket only.
            case webSocket
            /// HTTP streaming only.
            case httpStreaming
            /// WebSocket, falling back to HTTP streaming for good if a WebSocket session could never be created.
            case webSocketWithHTTPFallback
        }

        /// The TLCP version the driver must announce (WebSocket subprotocol, `LS_protocol`); IG needs 2.4.0.
        public var protocolVersion: TLCPVersion = .v2_4_0
        /// The transport policy (default: WebSocket with HTTP fallback).
        public var transport: TransportPolicy = .webSocketWithHTTPFallback
        /// `LS_user` / `LS_password`, sent with `create_session` only.
        public var credentials: TLCPCredentials?
        /// `LS_adapter_set`; `nil` means the server's `DEFAULT`.
        public var adapterSet: String?
        /// `LS_cid`.
        public var clientID: String = TLCPRequest.defaultClientID
        /// `LS_keepalive_millis` for the first `create_session`; `nil` lets the server choose. Later requests ask for
        /// the keepalive the server granted.
        public var requestedKeepalive: Duration?
        /// Keepalive assumed when `CONOK` advertises none (0).
        public var fallbackKeepalive: Duration = .seconds(5)
        /// `LS_supported_diffs`: `nil` (the default) lets the server use any diff format (this client decodes both
        /// `^P` and `^T`); `[]` asks the server never to send diffs. See ``noDiffs``.
        public var supportedDiffs: [TLCPDiffFormat]?
        /// `LS_content_length` for HTTP-streaming connections (the byte budget before `LOOP`).
        public var httpContentLength: Int? = 50_000_000
        /// How long to wait for `CONOK` after opening a connection.
        public var connectTimeout: Duration = .seconds(4)
        /// Extra silence tolerated after the keepalive before the connection counts as stalled.
        public var stalledGrace: Duration = .seconds(2)
        /// Further silence tolerated while stalled before the connection is abandoned and recovery starts.
        public var reconnectTimeout: Duration = .seconds(3)
        /// How long to keep trying to recover a session after losing its connection (0 disables recovery).
        public var sessionRecoveryTimeout: Duration = .seconds(15)
        /// The pause between recovery attempts, and the first step of the session-creation backoff.
        public var retryDelay: Duration = .seconds(4)
        /// The cap of the session-creation backoff.
        public var maxRetryDelay: Duration = .seconds(60)
        /// The upper bound of the random pause before the first attempt after losing a working connection.
        public var firstRetryMaxDelay: Duration = .milliseconds(100)
        /// The fraction of each backoff delay that is random: the delay is drawn from `[d * (1 - jitter), d]`.
        public var jitter: Double = 0.5
        /// Seed of the generator behind every random pause; pass a random value in production, a constant in tests.
        public var randomSeed: UInt64 = 0
        /// Whether to ask the driver for fresh credentials (``Action/refreshCredentials``) before every new session
        /// but the first after ``Event/connect(now:)`` — e.g. because IG's CST/XST tokens expire.
        public var refreshesCredentialsBeforeNewSession = false
        /// Whether to ask the driver for credentials before the first session after ``Event/connect(now:)`` too (a
        /// driver whose credentials come from an asynchronous source, such as a REST login, sets this).
        public var refreshesCredentialsBeforeFirstSession = false

        /// Creates a configuration.
        public init(
            credentials: TLCPCredentials? = nil,
            adapterSet: String? = nil,
            transport: TransportPolicy = .webSocketWithHTTPFallback,
            randomSeed: UInt64 = 0
        ) {
            self.credentials = credentials
            self.adapterSet = adapterSet
            self.transport = transport
            self.randomSeed = randomSeed
        }

        /// The `LS_supported_diffs` value that asks the server never to send `^P`/`^T` diffs.
        public static let noDiffs: [TLCPDiffFormat] = []
    }

    /// `TLCP Appendix A` codes for which creating a session again may succeed.
    static let retryableCreateErrors: Set<Int> = [4, 5, 6, 20, 40, 41, 48]
    /// `CONERR` codes on a bind meaning "this session is gone": create a new one.
    static let sessionGoneBindErrors: Set<Int> = [4, 20, 21, 40, 41, 48]
    /// `CONERR` codes on a bind meaning "try again later".
    static let transientBindErrors: Set<Int> = [5, 6]
    /// `END` codes after which a new session is created at once.
    static let endCodesForImmediateNewSession: Set<Int> = [41, 48]
    /// `END` codes after which a new session is created after the backoff (server-side errors).
    static let endCodesForDelayedNewSession: Set<Int> = [33, 34]
}
