/// The life of one HTTP connection as the connection guard sees it, without I/O: when to time it out, when to
/// refuse a request head, and when to step aside (a WebSocket upgrade).
///
/// The driver (``ConnectionGuard``) feeds request parts, the end of each response, parser failures, timer
/// firings and the server's shutdown, and performs the actions.
struct ConnectionGuardStateMachine: Sendable {
    /// What the parser refused.
    enum ParseFailure: Sendable, Hashable {
        /// An unknown method (`FOO / HTTP/1.1`).
        case method
        /// A header field or block over the limit.
        case headerTooLarge
        /// Anything else: a garbage request line, a bad header, a bad chunk.
        case malformed
    }

    /// What the driver does next.
    enum Action: Sendable, Hashable {
        case none
        /// Arm the timer (replacing any armed one); a firing reports `generation`.
        case schedule(Duration, generation: Int)
        /// Pass the request part on.
        case forward
        /// Pass the request head on, then leave the pipeline (the connection becomes a WebSocket).
        case forwardAndRemove
        /// Drop the request part (its request was refused).
        case drop
        /// Write an IG-style error (`{"errorCode": code}`) with `Connection: close`, then close.
        case respondAndClose(status: Int, code: String)
        /// Close the connection now.
        case close
    }

    private enum Phase: Sendable, Hashable {
        /// Between requests (or before the first one).
        case idle
        /// A request is being received or answered.
        case busy(requestDone: Bool, responseDone: Bool)
        /// Handed over to the WebSocket handler, refused, or closed.
        case finished
    }

    let limits: ConnectionLimits
    private var phase = Phase.idle
    private var generation = 0
    private var shuttingDown = false

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// The connection opened: it has ``ConnectionLimits/requestHeadTimeout`` to send a request head.
    mutating func opened() -> Action {
        self.generation += 1
        return .schedule(self.limits.requestHeadTimeout, generation: self.generation)
    }

    /// A request head arrived.
    mutating func requestHead(uriLength: Int, upgrade: Bool) -> Action {
        guard self.phase == .idle else { return self.phase == .finished ? .drop : .forward }
        self.generation += 1
        if uriLength > self.limits.maximumURILength {
            self.phase = .finished
            return .respondAndClose(status: 414, code: "error.request.uri-too-long")
        }
        if upgrade {
            self.phase = .finished
            return .forwardAndRemove
        }
        self.phase = .busy(requestDone: false, responseDone: false)
        return .forward
    }

    /// A body part arrived.
    func requestBody() -> Action {
        self.phase == .finished ? .drop : .forward
    }

    /// The request ended. The caller forwards the part unless the answer is `.drop`, and performs the follow-up.
    mutating func requestEnd() -> (part: Action, then: Action) {
        guard case .busy(_, let responseDone) = self.phase else {
            return (self.phase == .finished ? .drop : .forward, .none)
        }
        self.phase = .busy(requestDone: true, responseDone: responseDone)
        return (.forward, self.settle())
    }

    /// A response was written to its end.
    mutating func responseEnd() -> Action {
        guard case .busy(let requestDone, _) = self.phase else { return .none }
        self.phase = .busy(requestDone: requestDone, responseDone: true)
        return self.settle()
    }

    /// The timer armed with `generation` fired.
    mutating func timerFired(generation: Int) -> Action {
        guard generation == self.generation, self.phase == .idle else { return .none }
        self.phase = .finished
        return .close
    }

    /// The HTTP parser refused what the client sent.
    mutating func parseFailed(_ failure: ParseFailure) -> Action {
        guard self.phase != .finished else { return .none }
        self.phase = .finished
        self.generation += 1
        switch failure {
        case .method: return .respondAndClose(status: 405, code: "error.request.invalid.method")
        case .headerTooLarge: return .respondAndClose(status: 431, code: "error.request.header-too-large")
        case .malformed: return .respondAndClose(status: 400, code: "error.request.malformed")
        }
    }

    /// The server is shutting down: an idle connection closes now, a busy one once its exchange is over.
    mutating func shutdown() -> Action {
        self.shuttingDown = true
        guard self.phase == .idle else { return .none }
        self.phase = .finished
        return .close
    }

    /// Both halves of the exchange are over: back to idle (or closed when shutting down).
    private mutating func settle() -> Action {
        guard case .busy(true, true) = self.phase else { return .none }
        if self.shuttingDown {
            self.phase = .finished
            return .close
        }
        self.phase = .idle
        self.generation += 1
        return .schedule(self.limits.idleTimeout, generation: self.generation)
    }
}
