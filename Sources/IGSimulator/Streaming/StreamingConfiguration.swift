/// How the simulator's Lightstreamer (TLCP) server behaves: timings, update rates and start-up faults.
///
/// Every duration is wall-clock time. The defaults imitate IG's server closely enough for the official clients;
/// tests shorten them (a keepalive of 1 s, a maximum session duration of a few seconds) to reproduce faults fast.
public struct StreamingConfiguration: Sendable, Hashable {
    /// Keepalive announced in `CONOK` when the client does not ask for one; a `PROBE` goes out whenever nothing
    /// else was sent for 80 % of it. Never zero.
    public var keepalive: Duration = .seconds(5)
    /// Price updates per second generated for each subscribed market item (PRICE, MARKET, CHART). Raise it for
    /// benchmarks; between engine seconds the quote walks deterministically inside that second's range.
    public var updatesPerSecond: Double = 2
    /// TLCP versions accepted (query `LS_protocol` or WebSocket subprotocol). Remove `2.5.0` to behave like IG,
    /// which answers `CONERR,65` to TLCP-2.5.0 clients.
    public var protocolVersions: Set<String> = ["2.4.0", "2.5.0"]
    /// The control link sent in `CONOK` (`host:port`), or nil for `*` (keep using the same address).
    public var controlLink: String?
    /// Byte budget of an HTTP stream when the client does not set `LS_content_length`, and the cap on the
    /// client's value; `LOOP,0` ends the stream when it is used up.
    public var maximumContentLength: Int = 50_000_000
    /// How often `SYNC,<seconds>` is sent on a streaming connection whose client did not send
    /// `LS_send_sync=false`.
    public var syncInterval: Duration = .seconds(10)
    /// When set, every binding (WebSocket or HTTP) ends with `LOOP,0` after this long.
    public var loopAfter: Duration?
    /// When set, a session ends with `END,48` once it is this old (IG's maximum session duration; reproduces the
    /// "stream dies after 2 hours" failure in seconds).
    public var maximumSessionDuration: Duration?
    /// How long a session without a connection is kept for a rebind or recovery before it is discarded.
    public var sessionTimeout: Duration = .seconds(30)
    /// How many data notifications each session keeps for `LS_recovery_from`.
    public var recoveryBufferSize: Int = 20_000
    /// When set, every bound connection stalls (sends nothing, not even `PROBE`) after this long.
    public var stallAfter: Duration?
    /// When set, every bound connection is dropped (closed without `LOOP` or `END`) after this long.
    public var dropAfter: Duration?
    /// The most subscriptions one session may hold; further adds get `REQERR` code 30. IG allows 40, the default
    /// is higher so that benchmarks can hold 1,000.
    public var maximumSubscriptions: Int = 10_000
    /// Whether `/lightstreamer` accepts WebSocket upgrades. Turn it off to imitate a proxy that refuses them: the
    /// upgrade request is answered like a plain HTTP request (not found), and clients must fall back to HTTP
    /// streaming.
    public var acceptsWebSocket: Bool = true

    /// Creates the default configuration.
    public init() {}
}

/// The former name of ``StreamingConfiguration``.
@available(*, deprecated, renamed: "StreamingConfiguration")
public typealias StreamingSettings = StreamingConfiguration
