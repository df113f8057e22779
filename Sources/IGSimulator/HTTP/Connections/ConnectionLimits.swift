/// How long the simulator waits for clients and how large a request head may be.
///
/// A connection that has not completed a request head within ``requestHeadTimeout`` of opening, or sits idle
/// between requests for ``idleTimeout``, is closed; a request line or header block the HTTP parser refuses is
/// answered with an IG-style error (400, 405, 414 or 431) and the connection closed. Streaming responses and
/// WebSockets are never timed out by these limits.
public struct ConnectionLimits: Sendable, Hashable {
    /// Time a new connection has to send its first complete request head.
    public var requestHeadTimeout: Duration = .seconds(10)
    /// Time a kept-alive connection may wait between requests (longer than the 60 s an HTTP client pool keeps an
    /// idle connection, so that a pooled connection is never closed under a request being sent).
    public var idleTimeout: Duration = .seconds(75)
    /// Longest request target (path and query) accepted; longer ones get 414.
    public var maximumURILength: Int = 8 * 1024
    /// Largest single header field, and largest header block, accepted; larger ones get 431.
    public var maximumHeaderSize: Int = 32 * 1024

    /// The defaults.
    public init() {}
}
