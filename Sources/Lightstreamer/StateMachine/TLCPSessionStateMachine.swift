/// The pure core of a Lightstreamer client session: events in, actions out.
///
/// The machine performs no I/O and reads no clock. A driver feeds it ``Event``s (connect requests, transport events
/// tagged with the ``TLCPConnectionID`` it was told to open, parsed notifications, timer expiries, subscription
/// requests), each carrying the current ``TLCPInstant``, and executes the returned ``Action``s in order (open or close
/// a transport, send control requests, schedule timers, deliver subscription events, publish status changes).
///
/// Behaviour, in short:
/// - `create_session` → `CONOK` → streaming; queued subscriptions are added as soon as the session is bound.
/// - A keepalive watchdog from `CONOK`'s keepalive: any received line counts as activity. Silence beyond keepalive +
///   ``Configuration/stalledGrace`` reports ``TLCPConnectionStatus/stalled``; a further
///   ``Configuration/reconnectTimeout`` of silence abandons the connection and starts recovery.
/// - `LOOP` → rebind the same session on a new connection (subscriptions untouched).
/// - Lost connection → recovery: `bind_session` with `LS_recovery_from` = data notifications received, honouring
///   `PROG`; retried until ``Configuration/sessionRecoveryTimeout``, then a new session.
/// - New session → every subscription is re-added with a new `LS_subId` and receives ``TLCPGap/sessionReplaced``
///   first; its items restart from a fresh snapshot.
/// - Failed session creation is retried with capped exponential backoff and jitter (from a seeded generator, so
///   tests are deterministic); `CONERR` codes that cannot improve by retrying (bad credentials, bad adapter set,
///   unsupported protocol, …) are terminal, as are `END` codes meaning "closed on purpose".
public struct TLCPSessionStateMachine: Sendable {
    /// An input to the machine.
    public enum Event: Sendable, Hashable {
        /// Start connecting (from idle, or after a terminal failure or a requested disconnect).
        case connect(now: TLCPInstant)
        /// Destroy the session and close the connection. Subscriptions are kept for a later ``connect(now:)``.
        case disconnect(now: TLCPInstant)
        /// The transport is open (optional; only counts as activity).
        case transportOpened(TLCPConnectionID, now: TLCPInstant)
        /// A line arrived on the connection and was parsed.
        case notificationReceived(TLCPNotification, connection: TLCPConnectionID, now: TLCPInstant)
        /// The transport closed (remote close or end of an HTTP stream).
        case transportClosed(TLCPConnectionID, now: TLCPInstant)
        /// The transport failed (could not connect, I/O error, …).
        case transportFailed(TLCPConnectionID, message: String, now: TLCPInstant)
        /// A timer scheduled with ``Action/scheduleTimer(_:at:)`` expired.
        case timerFired(TLCPTimer, now: TLCPInstant)
        /// Subscribe. The id must be new (see ``TLCPSessionStateMachine/makeSubscriptionID()``).
        case subscribe(TLCPSubscriptionID, TLCPSubscription)
        /// Unsubscribe; ``TLCPSubscriptionEvent/unsubscribed`` is delivered at once.
        case unsubscribe(TLCPSubscriptionID)
        /// Fresh credentials, in answer to ``Action/refreshCredentials`` (or spontaneously).
        case credentialsRefreshed(TLCPCredentials, now: TLCPInstant)
        /// The driver could not refresh the credentials; the session creation is retried later.
        case credentialsRefreshFailed(message: String, now: TLCPInstant)
    }

    /// An instruction for the driver.
    public enum Action: Sendable, Hashable {
        /// Open a stream connection and send its request.
        case openTransport(TLCPConnectionRequest)
        /// Send control requests on the connection: over a WebSocket as `control` frames (see
        /// ``TLCPRequest/webSocketFrames(batching:requestLimit:)``), over HTTP as `control.txt` POSTs to the same host
        /// (``TLCPRequest/httpBodies(batching:requestLimit:)``), whose response lines (`REQOK`, `REQERR`, `ERROR`) are
        /// fed back as notifications of this connection. Batch within the `CONOK` request limit.
        case send(TLCPConnectionID, [TLCPRequest])
        /// Close the connection (ignore if it is already closed).
        case closeTransport(TLCPConnectionID)
        /// Fire ``Event/timerFired(_:now:)`` at (or after) the instant, replacing a pending timer of the same kind.
        case scheduleTimer(TLCPTimer, at: TLCPInstant)
        /// Cancel the pending timer of this kind, if any.
        case cancelTimer(TLCPTimer)
        /// Deliver an event to a subscription's consumer.
        case deliver(TLCPSubscriptionID, TLCPSubscriptionEvent)
        /// The connection status changed.
        case statusChanged(TLCPConnectionStatus)
        /// Obtain fresh credentials and answer with ``Event/credentialsRefreshed(_:now:)`` (only when
        /// ``Configuration/refreshesCredentialsBeforeNewSession`` is set).
        case refreshCredentials
    }

    enum Phase: Sendable {
        case idle
        case awaitingCredentials
        case connecting(TLCPConnectionID, TLCPConnectionRequest.Purpose, TLCPTransportKind)
        case streaming(TLCPConnectionID, TLCPTransportKind)
        case waitingToRetry(TLCPConnectionRequest.Purpose)
        case terminated
    }

    struct Session: Sendable {
        var id: String
        var requestLimit: Int
        var keepalive: Duration
        var controlLink: String?
        /// Data notifications received (and processed) in this session.
        var progressive = 0
        /// Data notifications still to skip after a `PROG` lower than our count.
        var skip = 0
    }

    /// The configuration; changes apply from the next connection attempt.
    public var configuration: Configuration
    /// The last status emitted.
    public private(set) var status: TLCPConnectionStatus = .disconnected(.notStarted)

    var phase: Phase = .idle
    var session: Session?
    var oldSessionID: String?
    var subscriptions: [TLCPSubscriptionID: SubscriptionRecord] = [:]
    /// Server `LS_subId` → client id, for the current session.
    var serverSubscriptions: [Int: TLCPSubscriptionID] = [:]
    /// Server `LS_subId`s being deleted in the current session, with whether the delete was confirmed.
    var deletions: [Int: Bool] = [:]
    var pendingRequests: [String: PendingRequest] = [:]
    var nextRequestID = 1
    var nextServerSubscriptionID = 1
    var nextLocalSubscriptionID = 1
    var nextConnectionID = 1
    var jitter: TLCPJitterSource
    var consecutiveFailures = 0
    var createAttemptsSinceConnect = 0
    var webSocketWorked = false
    var webSocketUnavailable = false
    var lastActivity = TLCPInstant.zero
    var isStalled = false
    var recoveryStartedAt: TLCPInstant?
    var rejectedCredentialsRetried = false
    /// Whether the last `create_session` was refused with `CONERR,1` (bad credentials) and the machine is asking for
    /// fresh credentials to try once more; a driver should then obtain new ones (e.g. log in again) rather than reuse
    /// cached ones.
    public internal(set) var credentialsWereRejected = false
    var timerDeadlines: [TLCPTimer: TLCPInstant] = [:]

    /// Creates an idle machine.
    public init(configuration: Configuration) {
        self.configuration = configuration
        self.jitter = TLCPJitterSource(seed: configuration.randomSeed)
    }

    /// The current session id, if a session is established.
    public var sessionID: String? { session?.id }

    /// The number of data notifications received in the current session (what `LS_recovery_from` would carry).
    public var dataNotificationCount: Int { session?.progressive ?? 0 }

    /// The active subscriptions and their specifications.
    public var activeSubscriptions: [TLCPSubscriptionID: TLCPSubscription] { subscriptions.mapValues(\.subscription) }

    /// Returns a subscription id not used before by this machine.
    public mutating func makeSubscriptionID() -> TLCPSubscriptionID {
        while subscriptions[TLCPSubscriptionID(nextLocalSubscriptionID)] != nil { nextLocalSubscriptionID += 1 }
        defer { nextLocalSubscriptionID += 1 }
        return TLCPSubscriptionID(nextLocalSubscriptionID)
    }

    /// Processes one event and returns the actions to execute, in order.
    public mutating func handle(_ event: Event) -> [Action] {
        var actions: [Action] = []
        handle(event, into: &actions)
        return actions
    }

    /// Processes one event and appends the actions to execute to `actions`, in order. A driver on a hot stream can
    /// reuse one buffer (`removeAll(keepingCapacity: true)` after executing) to avoid an allocation per line.
    public mutating func handle(_ event: Event, into actions: inout [Action]) {
        switch event {
        case .notificationReceived(let notification, let connection, let now):
            receive(notification, on: connection, now: now, actions: &actions)
        case .connect(let now):
            connect(now: now, actions: &actions)
        case .disconnect(let now):
            disconnect(now: now, actions: &actions)
        case .transportOpened(let connection, let now):
            if connection == currentConnection { lastActivity = now }
        case .transportClosed(let connection, let now):
            transportLost(connection, problem: .transportClosed, now: now, actions: &actions)
        case .transportFailed(let connection, let message, let now):
            transportLost(connection, problem: .transportFailed(message), now: now, actions: &actions)
        case .timerFired(let timer, let now):
            timerFired(timer, now: now, actions: &actions)
        case .subscribe(let id, let subscription):
            subscribe(id, subscription, actions: &actions)
        case .unsubscribe(let id):
            unsubscribe(id, actions: &actions)
        case .credentialsRefreshed(let credentials, let now):
            configuration.credentials = credentials
            if case .awaitingCredentials = phase { open(.createSession, now: now, actions: &actions) }
        case .credentialsRefreshFailed(let message, let now):
            if case .awaitingCredentials = phase {
                consecutiveFailures += 1
                scheduleRetry(
                    .createSession, after: backoffDelay(), problem: .credentialsUnavailable(message), now: now,
                    actions: &actions)
            }
        }
    }

    var currentConnection: TLCPConnectionID? {
        switch phase {
        case .connecting(let id, _, _), .streaming(let id, _): return id
        default: return nil
        }
    }

    var currentTransport: TLCPTransportKind? {
        switch phase {
        case .connecting(_, _, let transport), .streaming(_, let transport): return transport
        default: return nil
        }
    }

    mutating func setStatus(_ newStatus: TLCPConnectionStatus, actions: inout [Action]) {
        guard newStatus != status else { return }
        status = newStatus
        actions.append(.statusChanged(newStatus))
    }

    mutating func schedule(_ timer: TLCPTimer, at deadline: TLCPInstant, actions: inout [Action]) {
        timerDeadlines[timer] = deadline
        actions.append(.scheduleTimer(timer, at: deadline))
    }

    mutating func cancel(_ timer: TLCPTimer, actions: inout [Action]) {
        if timerDeadlines.removeValue(forKey: timer) != nil { actions.append(.cancelTimer(timer)) }
    }

    mutating func makeRequestID() -> String {
        defer { nextRequestID += 1 }
        return String(nextRequestID)
    }
}
