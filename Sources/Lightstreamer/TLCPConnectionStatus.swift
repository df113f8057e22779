/// The state of a Lightstreamer connection as users see it.
public enum TLCPConnectionStatus: Sendable, Hashable {
    /// Not connected; the reason says whether a retry is coming.
    case disconnected(TLCPDisconnectReason)
    /// Creating a session.
    case connecting
    /// Streaming over the given transport.
    case connected(TLCPTransportKind)
    /// Connected, but the server has been silent for longer than its keepalive plus the grace period.
    case stalled
    /// The connection was lost; trying to resume the same session without losing updates.
    case recovering
}

/// Why a connection is down.
public enum TLCPDisconnectReason: Sendable, Hashable {
    /// ``TLCPSessionStateMachine/Event/connect(now:)`` has not been requested yet.
    case notStarted
    /// The client asked to disconnect.
    case requested
    /// A new attempt is scheduled.
    case willRetry(TLCPConnectionProblem)
    /// Terminal: no retry will happen until the client asks to connect again.
    case failed(TLCPConnectionProblem)
}

/// What went wrong with a connection or session.
public enum TLCPConnectionProblem: Sendable, Hashable {
    /// `CONERR`: the server refused to create or bind the session (TLCP Appendix A code; 1 = bad credentials).
    case connectionRefused(code: Int, message: String)
    /// `END`: the server closed the session.
    case sessionEnded(code: Int, message: String)
    /// `ERROR`: the server could not parse a request.
    case serverError(code: Int, message: String)
    /// The transport reported an error.
    case transportFailed(String)
    /// The transport closed without `LOOP` or `END`.
    case transportClosed
    /// No `CONOK` arrived in time.
    case connectTimeout
    /// The server stayed silent past its keepalive, the grace period and the reconnect timeout.
    case keepaliveTimeout
    /// The session could not be resumed (recovery window elapsed, or the server could not resume where we were).
    case recoveryFailed
    /// The driver could not obtain fresh credentials for a new session.
    case credentialsUnavailable(String)
}

/// A stream-connection transport.
public enum TLCPTransportKind: Sendable, Hashable, CustomStringConvertible {
    /// One WebSocket (subprotocol `TLCP-<version>.lightstreamer.com`) for the stream and control requests.
    case webSocket
    /// `create_session.txt` / `bind_session.txt` streamed responses, control requests as `control.txt` POSTs.
    case httpStreaming

    /// A readable description (never contains a secret).
    public var description: String {
        switch self {
        case .webSocket: return "WS-STREAMING"
        case .httpStreaming: return "HTTP-STREAMING"
        }
    }
}
