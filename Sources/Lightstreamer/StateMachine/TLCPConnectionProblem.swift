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
