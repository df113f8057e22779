import Foundation
import Logging
import Synchronization

extension LightstreamerClient {
    enum Outcome: Sendable {
        case stopped
        case failed(TLCPConnectionProblem)
    }

    /// The loop inside ``LightstreamerClient/run()``: feeds the state machine and executes its actions.
    struct Driver {
        let client: LightstreamerClient
        let clock = ContinuousClock()
        let origin: ContinuousClock.Instant
        var machine: TLCPSessionStateMachine
        var connections: [TLCPConnectionID: AsyncStream<ConnectionCommand>.Continuation] = [:]
        var buffers: [TLCPSubscriptionID: SubscriptionBuffer] = [:]
        var timerGenerations: [TLCPTimer: Int] = [:]
        var serverAddress: URL?
        var sessionsCreated = 0
        var actions: [TLCPSessionStateMachine.Action] = []
        var outcome: Outcome?
        /// Updates delivered since the statistics were last updated (batched to keep the hot path lock-free).
        var updatesSinceCount = 0
        var lastOpenPurpose: TLCPConnectionRequest.Purpose?
        /// Connections told to close whose tasks have not ended yet.
        var draining: Set<TLCPConnectionID> = []
        /// Shutting down: waiting for `draining` to empty (so the `destroy` request goes out) or the deadline.
        var stopping = false

        init(client: LightstreamerClient) {
            self.client = client
            self.origin = clock.now
            var session = client.configuration.session
            session.credentials = nil
            session.refreshesCredentialsBeforeFirstSession = true
            session.refreshesCredentialsBeforeNewSession = true
            machine = TLCPSessionStateMachine(configuration: session)
        }

        var now: TLCPInstant { TLCPInstant(clock.now - origin) }

        mutating func run(group: inout DiscardingTaskGroup) async -> Outcome {
            handle(.connect(now: now), group: &group)
            for await input in client.inbox {
                switch input {
                case .subscribe(let id, let subscription, let buffer):
                    buffers[id] = buffer
                    handle(.subscribe(id, subscription), group: &group)
                case .unsubscribe(let id):
                    handle(.unsubscribe(id), group: &group)
                case .opened(let connection):
                    handle(.transportOpened(connection, now: now), group: &group)
                case .notifications(let connection, let notifications):
                    let instant = now
                    for notification in notifications {
                        machine.handle(
                            .notificationReceived(notification, connection: connection, now: instant), into: &actions)
                        if !actions.isEmpty { execute(group: &group) }
                    }
                case .closed(let connection):
                    connections.removeValue(forKey: connection)?.finish()
                    draining.remove(connection)
                    handle(.transportClosed(connection, now: now), group: &group)
                case .failed(let connection, let message):
                    connections.removeValue(forKey: connection)?.finish()
                    draining.remove(connection)
                    client.logger.debug("Lightstreamer connection failed", metadata: ["error": "\(message)"])
                    handle(.transportFailed(connection, message: message, now: now), group: &group)
                case .timer(let timer, let generation):
                    guard timerGenerations[timer] == generation else { break }
                    handle(.timerFired(timer, now: now), group: &group)
                case .parameters(let parameters):
                    serverAddress = parameters.serverAddress
                    let credentials = parameters.credentials ?? TLCPCredentials(user: nil, password: nil)
                    handle(.credentialsRefreshed(credentials, now: now), group: &group)
                case .parametersFailed(let message):
                    handle(.credentialsRefreshFailed(message: message, now: now), group: &group)
                case .shutdown:
                    guard !stopping else { break }
                    stopping = true
                    handle(.disconnect(now: now), group: &group)
                    let inbox = client.inboxContinuation
                    let grace = client.configuration.shutdownGracePeriod
                    group.addTask {
                        try? await Task.sleep(for: grace)
                        inbox.yield(.shutdownDeadline)
                    }
                case .shutdownDeadline:
                    outcome = .stopped
                }
                if stopping, draining.isEmpty, outcome == nil { outcome = .stopped }
                if let outcome {
                    flushStatistics()
                    for connection in connections.values {
                        connection.yield(.close)
                        connection.finish()
                    }
                    connections.removeAll()
                    group.cancelAll()
                    return outcome
                }
            }
            flushStatistics()
            group.cancelAll()
            return .stopped  // cancelled
        }

        mutating func handle(_ event: TLCPSessionStateMachine.Event, group: inout DiscardingTaskGroup) {
            machine.handle(event, into: &actions)
            execute(group: &group)
        }

        /// Executes (and clears) the pending actions.
        mutating func execute(group: inout DiscardingTaskGroup) {
            let pending = actions
            actions.removeAll(keepingCapacity: true)
            defer {
                if updatesSinceCount >= 64 { flushStatistics() }
            }
            for action in pending {
                switch action {
                case .deliver(let id, let event):
                    switch event {
                    case .update: updatesSinceCount += 1
                    case .gap: client.statisticsStorage.withLock { $0.gaps += 1 }
                    case .subscribed:
                        break
                    default: break
                    }
                    buffers[id]?.push(event)
                    if event.isTerminal { buffers[id] = nil }
                case .send(let connection, let requests):
                    send(requests, on: connection)
                case .openTransport(let request):
                    open(request, group: &group)
                case .closeTransport(let connection):
                    if let outbox = connections.removeValue(forKey: connection) {
                        draining.insert(connection)
                        outbox.yield(.close)
                        outbox.finish()
                    }
                case .scheduleTimer(let timer, let deadline):
                    let generation = (timerGenerations[timer] ?? 0) + 1
                    timerGenerations[timer] = generation
                    let wakeUp = origin + deadline.offset
                    let clock = clock
                    let inbox = client.inboxContinuation
                    group.addTask {
                        do {
                            try await clock.sleep(until: wakeUp, tolerance: .milliseconds(5))
                        } catch {
                            return
                        }
                        inbox.yield(.timer(timer, generation: generation))
                    }
                case .cancelTimer(let timer):
                    timerGenerations[timer] = (timerGenerations[timer] ?? 0) + 1
                case .statusChanged(let status):
                    if case .connected = status, lastOpenPurpose == .createSession {
                        lastOpenPurpose = nil
                        client.statisticsStorage.withLock { $0.sessionsEstablished += 1 }
                    }
                    flushStatistics()
                    client.logger.debug("Lightstreamer status", metadata: ["status": "\(status)"])
                    client.statusBroadcaster.publish(status)
                    if case .disconnected(.failed(let problem)) = status { outcome = .failed(problem) }
                case .refreshCredentials:
                    let request = ParametersRequest(
                        isFirstSession: sessionsCreated == 0,
                        previousCredentialsRejected: machine.credentialsWereRejected)
                    sessionsCreated += 1
                    client.statisticsStorage.withLock { $0.credentialRequests += 1 }
                    let provider = client.parametersProvider
                    let inbox = client.inboxContinuation
                    group.addTask {
                        do {
                            inbox.yield(.parameters(try await provider(request)))
                        } catch is CancellationError {
                            return
                        } catch {
                            inbox.yield(.parametersFailed(String(describing: error)))
                        }
                    }
                }
            }
        }

        mutating func flushStatistics() {
            let updates = updatesSinceCount
            updatesSinceCount = 0
            client.statisticsStorage.withLock { $0.updates += updates }
        }

        func send(_ requests: [TLCPRequest], on connection: TLCPConnectionID) {
            guard let outbox = connections[connection], !requests.isEmpty else { return }
            let limit = machine.session?.requestLimit
            let payloads: [ControlPayload]
            switch machine.currentTransport ?? .webSocket {
            case .webSocket:
                payloads = TLCPRequest.webSocketFrames(batching: requests, requestLimit: limit).map {
                    ControlPayload(query: nil, text: $0)
                }
            case .httpStreaming:
                let query = requests[0].httpQuery(version: machine.configuration.protocolVersion)
                payloads = TLCPRequest.httpBodies(batching: requests, requestLimit: limit).map {
                    ControlPayload(query: query, text: $0)
                }
            }
            client.logger.trace("Lightstreamer send", metadata: ["requests": "\(requests)"])
            outbox.yield(.send(payloads))
        }

        mutating func open(_ request: TLCPConnectionRequest, group: inout DiscardingTaskGroup) {
            guard let base = serverAddress else {
                client.inboxContinuation.yield(.failed(request.connectionID, "no server address"))
                return
            }
            let address = Self.address(base: base, controlLink: request.controlLink)
            let (outbox, continuation) = AsyncStream.makeStream(
                of: ConnectionCommand.self, bufferingPolicy: .unbounded)
            connections[request.connectionID] = continuation
            lastOpenPurpose = request.purpose
            client.statisticsStorage.withLock { statistics in
                statistics.connectionsOpened += 1
                switch request.purpose {
                case .createSession: statistics.sessionCreations += 1
                case .rebind: statistics.rebinds += 1
                case .recovery: statistics.recoveries += 1
                }
            }
            client.logger.debug(
                "Lightstreamer open",
                metadata: ["transport": "\(request.transport)", "request": "\(request.request)"])
            let connection = TransportConnection(
                id: request.connectionID, address: address, request: request.request,
                version: machine.configuration.protocolVersion, outbox: outbox, inbox: client.inboxContinuation,
                configuration: client.configuration, logger: client.logger)
            switch request.transport {
            case .webSocket:
                group.addTask { await connection.runWebSocket() }
            case .httpStreaming:
                group.addTask { await connection.runHTTPStreaming() }
            }
        }

        /// The server's base address, moved to the `CONOK` control link (`host[:port]`) when there is one.
        static func address(base: URL, controlLink: String?) -> URL {
            guard let controlLink, var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else {
                return base
            }
            let parts = controlLink.split(separator: ":", maxSplits: 1)
            components.host = parts.first.map(String.init)
            components.port = parts.count > 1 ? Int(parts[1]) : nil
            return components.url ?? base
        }

        func finishAll() {
            for buffer in buffers.values { buffer.finish() }
        }
    }
}
