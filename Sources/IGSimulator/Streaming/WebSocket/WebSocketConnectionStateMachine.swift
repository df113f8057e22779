/// The request routing of one WebSocket connection, without I/O: which session each TLCP request targets, what
/// goes straight back on the socket, and which binding to detach when the connection moves to another session or
/// closes.
///
/// The driver (``StreamingServer``'s WebSocket loop) feeds parsed requests and binding results, and performs the
/// actions: creating and binding sessions, running control requests, writing lines.
struct WebSocketConnectionStateMachine: Sendable {
    /// A session bound to this connection.
    struct Binding: Sendable, Hashable {
        var sessionId: String
        var bindingId: Int
    }

    /// What the driver does next.
    enum Action: Sendable, Hashable {
        /// Write one line on the socket.
        case write(String)
        /// Create a session (checking the TLCP version first), then bind it with `create` true.
        case createSession(TLCPClientRequest, protocolVersion: String?)
        /// Bind an existing session.
        case bind(sessionId: String, TLCPClientRequest, recoveryFrom: Int64?)
        /// Run a control request (or heartbeat) on a session; the reply goes to its binding or on the socket.
        case control(sessionId: String, TLCPClientRequest)
        /// Tell the session's binding to let go of this connection.
        case detach(Binding)
    }

    /// The TLCP version of the negotiated subprotocol, if any.
    let subprotocolVersion: String?
    /// The binding the connection serves now.
    private(set) var current: Binding?
    /// The session bound last (a `bind_session` or `control` without `LS_session` goes to it).
    private(set) var lastSessionId: String?

    init(subprotocolVersion: String?) {
        self.subprotocolVersion = subprotocolVersion
    }

    /// The actions for one request; `isLive` tells whether a session id names a live session.
    func receive(_ request: TLCPClientRequest, isLive: (String) -> Bool) -> [Action] {
        switch request.name {
        case "wsok":
            return [.write("WSOK")]
        case "create_session":
            return [.createSession(request, protocolVersion: self.subprotocolVersion ?? request["LS_protocol"])]
        case "bind_session":
            let requested = request["LS_session"].flatMap { isLive($0) ? $0 : nil }
            guard let sessionId = requested ?? self.lastSessionId, isLive(sessionId) else {
                return [.write(TLCPEncoding.conerr(20, "Session not found"))]
            }
            return [
                .bind(sessionId: sessionId, request, recoveryFrom: request["LS_recovery_from"].flatMap(Int64.init))
            ]
        case "control", "heartbeat":
            let requested = request["LS_session"].flatMap { isLive($0) ? $0 : nil }
            guard let sessionId = requested ?? self.current?.sessionId ?? self.lastSessionId else {
                guard request.name == "control" else { return [] }
                return [.write(TLCPEncoding.reqerr(request["LS_reqId"] ?? "", 20, "Session not found"))]
            }
            return [.control(sessionId: sessionId, request)]
        default:
            return [.write(TLCPEncoding.error(67, "Unsupported request"))]
        }
    }

    /// Before binding a session: the current binding is detached when it belongs to another session.
    func willBind(sessionId: String) -> Action? {
        guard let current = self.current, current.sessionId != sessionId else { return nil }
        return .detach(current)
    }

    /// The session is bound to this connection.
    mutating func bound(sessionId: String, bindingId: Int) {
        self.current = Binding(sessionId: sessionId, bindingId: bindingId)
        self.lastSessionId = sessionId
    }

    /// The connection closed: its binding is detached.
    func closed() -> Action? {
        self.current.map { .detach($0) }
    }
}
