/// A request to open a stream connection.
public struct TLCPConnectionRequest: Sendable, Hashable {
    /// Why the connection is opened.
    public enum Purpose: Sendable, Hashable {
        /// A new session (`create_session`).
        case createSession
        /// A rebind of the current session after `LOOP` (`bind_session`).
        case rebind
        /// A recovery of the current session after a lost connection (`bind_session` with `LS_recovery_from`).
        case recovery
    }

    /// The id to tag this connection's events with.
    public var connectionID: TLCPConnectionID
    /// The transport to use.
    public var transport: TLCPTransportKind
    /// The `host[:port]` from `CONOK`'s control link, which must be used instead of the configured server address
    /// for this session's connections; `nil` means the configured address.
    public var controlLink: String?
    /// The request to send: over a WebSocket, send ``TLCPRequest/webSocketOK`` first, then this request's frame;
    /// over HTTP, POST it to its ``TLCPRequest/httpPath`` and stream the response body.
    public var request: TLCPRequest
    /// Why the connection is opened.
    public var purpose: Purpose
}
