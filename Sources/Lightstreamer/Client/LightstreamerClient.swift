import Foundation
import Logging
import Synchronization

/// A Lightstreamer (TLCP) client: connects over WebSocket or HTTP streaming, keeps the session alive through
/// `LOOP`s, stalls, dropped connections and expired sessions, and delivers each subscription's events as an
/// `AsyncSequence`.
///
/// The client does its work inside ``run()``, which the caller runs (for example in a task group or as a
/// swift-service-lifecycle service); no task outlives it. Subscriptions can be made before or while it runs:
///
/// ```swift
/// let client = LightstreamerClient(serverAddress: url, credentials: nil)
/// let prices = client.subscribe(TLCPSubscription(mode: .merge, items: ["item1"], fields: ["bid", "ask"]))
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await client.run() }
///     for await event in prices { print(event) }
/// }
/// ```
///
/// The session logic is ``TLCPSessionStateMachine``; this class adds the clock, the sockets and the buffers.
public final class LightstreamerClient: Sendable {
    /// What the client needs to create a session: where the server is and how to log in.
    public struct SessionParameters: Sendable, CustomStringConvertible {
        /// The server's address, e.g. `https://push.example.com` (the client appends `/lightstreamer`).
        public var serverAddress: URL
        /// `LS_user` / `LS_password`, or `nil` for none.
        public var credentials: TLCPCredentials?

        /// Creates session parameters.
        public init(serverAddress: URL, credentials: TLCPCredentials?) {
            self.serverAddress = serverAddress
            self.credentials = credentials
        }

        /// A readable description (never contains a secret).
        public var description: String {
            "SessionParameters(serverAddress: \(serverAddress.absoluteString), credentials: \(credentials.map(\.description) ?? "nil"))"
        }
    }

    /// Why the client asks for session parameters.
    public struct ParametersRequest: Sendable, Hashable {
        /// `true` for the first session after ``LightstreamerClient/run()`` starts.
        public var isFirstSession: Bool
        /// `true` when the server has just refused the previous credentials (`CONERR,1`): return freshly obtained
        /// ones (log in again) rather than cached ones. The client retries once, then gives up.
        public var previousCredentialsRejected: Bool
    }

    /// Provides session parameters; called before every new session (never for a rebind or a recovery).
    public typealias ParametersProvider = @Sendable (ParametersRequest) async throws -> SessionParameters

    let configuration: Configuration
    let logger: Logger
    let parametersProvider: ParametersProvider
    let inbox: AsyncStream<DriverInput>
    let inboxContinuation: AsyncStream<DriverInput>.Continuation
    let statusBroadcaster = StatusBroadcaster()
    let statisticsStorage = Mutex(LightstreamerClientStatistics())
    private let nextSubscriptionID = Mutex(1)
    private let started = Mutex(false)

    /// Creates a client whose session parameters come from `parameters`, called before every new session (so that
    /// expiring credentials, such as IG's CST/XST tokens, can be renewed).
    public init(
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "lightstreamer"),
        parameters: @escaping ParametersProvider
    ) {
        self.configuration = configuration
        self.logger = logger
        self.parametersProvider = parameters
        (inbox, inboxContinuation) = AsyncStream.makeStream(of: DriverInput.self, bufferingPolicy: .unbounded)
    }

    /// Creates a client for a fixed server and fixed credentials.
    public convenience init(
        serverAddress: URL,
        credentials: TLCPCredentials?,
        configuration: Configuration = Configuration(),
        logger: Logger = Logger(label: "lightstreamer")
    ) {
        let parameters = SessionParameters(serverAddress: serverAddress, credentials: credentials)
        self.init(configuration: configuration, logger: logger) { _ in parameters }
    }

    /// Subscribes; the returned sequence delivers the subscription's events (``TLCPSubscriptionEvent``) with the
    /// given buffering policy. The subscription is re-added on every new session, with a ``TLCPGap`` first.
    ///
    /// The subscription lasts while its consumer does: when the sequence and its iterators are dropped, or the task
    /// iterating it is cancelled, the client unsubscribes on its own (as ``unsubscribe(_:)`` does).
    public func subscribe(
        _ subscription: TLCPSubscription, buffering: LightstreamerBufferingPolicy = .unbounded
    ) -> LightstreamerSubscriptionStream {
        let id = nextSubscriptionID.withLock { next in
            defer { next += 1 }
            return TLCPSubscriptionID(next)
        }
        let buffer = SubscriptionBuffer(policy: buffering)
        if case .terminated = inboxContinuation.yield(.subscribe(id, subscription, buffer)) { buffer.finish() }
        let inbox = inboxContinuation
        return LightstreamerSubscriptionStream(id: id, buffer: buffer) { inbox.yield(.unsubscribe(id)) }
    }

    /// Ends a subscription: its sequence receives ``TLCPSubscriptionEvent/unsubscribed`` and finishes.
    public func unsubscribe(_ id: TLCPSubscriptionID) {
        inboxContinuation.yield(.unsubscribe(id))
    }

    /// The connection status, starting with the current one. Each call returns a new sequence; it finishes when
    /// ``run()`` returns. Slow observers see the newest 64 changes.
    public var statusUpdates: AsyncStream<TLCPConnectionStatus> { statusBroadcaster.makeStream() }

    /// The current connection status.
    public var status: TLCPConnectionStatus { statusBroadcaster.current }

    /// Asks ``run()`` to destroy the session, close the connection and return.
    public func shutdown() {
        inboxContinuation.yield(.shutdown)
    }

    /// Connects and keeps the session going until the task is cancelled or ``shutdown()`` is called (then it returns
    /// normally), or until the connection fails for good (then it throws ``LightstreamerClientError``). Every
    /// subscription sequence finishes when it returns. Call it once.
    public func run() async throws {
        let alreadyStarted = started.withLock { started in
            defer { started = true }
            return started
        }
        guard !alreadyStarted else { throw LightstreamerClientError.alreadyRunning }
        var driver = Driver(client: self)
        let outcome = await withDiscardingTaskGroup { group in
            await driver.run(group: &group)
        }
        driver.finishAll()
        statusBroadcaster.finish()
        inboxContinuation.finish()
        if case .failed(let problem) = outcome { throw LightstreamerClientError.connectionFailed(problem) }
    }
}
