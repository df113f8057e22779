extension TLCPSessionStateMachine {
    mutating func connect(now: TLCPInstant, actions: inout [Action]) {
        switch phase {
        case .idle, .terminated:
            consecutiveFailures = 0
            createAttemptsSinceConnect = 0
            rejectedCredentialsRetried = false
            credentialsWereRejected = false
            setStatus(.connecting, actions: &actions)
            startCreate(now: now, actions: &actions)
        default:
            break  // already connecting or connected
        }
    }

    mutating func disconnect(now: TLCPInstant, actions: inout [Action]) {
        switch phase {
        case .streaming(let connection, let transport):
            let destroy = TLCPRequest.destroy(
                requestID: makeRequestID(), session: transport == .httpStreaming ? session?.id : nil,
                closeSocket: true, cause: "api")
            actions.append(.send(connection, [destroy]))
            actions.append(.closeTransport(connection))
        case .connecting(let connection, _, _):
            actions.append(.closeTransport(connection))
        default:
            break
        }
        for timer in TLCPTimer.allCases { cancel(timer, actions: &actions) }
        forgetSession(actions: &actions)
        phase = .idle
        setStatus(.disconnected(.requested), actions: &actions)
    }

    /// Starts creating a session, asking for fresh credentials first when configured.
    mutating func startCreate(now: TLCPInstant, actions: inout [Action]) {
        let wantsCredentials =
            createAttemptsSinceConnect > 0
            ? configuration.refreshesCredentialsBeforeNewSession
            : configuration.refreshesCredentialsBeforeFirstSession
        if wantsCredentials {
            phase = .awaitingCredentials
            setStatus(.connecting, actions: &actions)
            actions.append(.refreshCredentials)
            return
        }
        open(.createSession, now: now, actions: &actions)
    }

    var preferredTransport: TLCPTransportKind {
        switch configuration.transport {
        case .webSocket: return .webSocket
        case .httpStreaming: return .httpStreaming
        case .webSocketWithHTTPFallback: return webSocketUnavailable ? .httpStreaming : .webSocket
        }
    }

    /// Opens a stream connection for `purpose`.
    mutating func open(_ purpose: TLCPConnectionRequest.Purpose, now: TLCPInstant, actions: inout [Action]) {
        let transport = preferredTransport
        let contentLength = transport == .httpStreaming ? configuration.httpContentLength : nil
        let request: TLCPRequest
        var controlLink: String?
        switch purpose {
        case .createSession:
            createAttemptsSinceConnect += 1
            request = .createSession(
                credentials: configuration.credentials, adapterSet: configuration.adapterSet,
                clientID: configuration.clientID,
                keepaliveMillis: configuration.requestedKeepalive.map { Int($0.tlcpMilliseconds) },
                contentLength: contentLength, supportedDiffs: configuration.supportedDiffs, sendSync: false,
                oldSession: oldSessionID, cause: oldSessionID == nil ? "api" : "new.session")
            setStatus(.connecting, actions: &actions)
        case .rebind, .recovery:
            guard let session else {
                // Nothing to bind to: fall back to a new session.
                open(.createSession, now: now, actions: &actions)
                return
            }
            controlLink = session.controlLink
            request = .bindSession(
                sessionID: session.id, recoveryFrom: purpose == .recovery ? session.progressive : nil,
                keepaliveMillis: Int(session.keepalive.tlcpMilliseconds), contentLength: contentLength,
                sendSync: false, cause: purpose == .recovery ? "recovery" : "loop")
            if purpose == .recovery { setStatus(.recovering, actions: &actions) }
        }
        let connection = TLCPConnectionID(nextConnectionID)
        nextConnectionID += 1
        phase = .connecting(connection, purpose, transport)
        actions.append(
            .openTransport(
                TLCPConnectionRequest(
                    connectionID: connection, transport: transport, controlLink: controlLink, request: request,
                    purpose: purpose)))
        schedule(.connectTimeout, at: now + configuration.connectTimeout, actions: &actions)
    }

    mutating func receive(
        _ notification: TLCPNotification, on connection: TLCPConnectionID, now: TLCPInstant, actions: inout [Action]
    ) {
        switch phase {
        case .streaming(let current, let transport) where current == connection:
            receiveWhileStreaming(
                notification, connection: connection, transport: transport, now: now, actions: &actions)
        case .connecting(let current, let purpose, let transport) where current == connection:
            receiveWhileConnecting(
                notification, connection: connection, purpose: purpose, transport: transport, now: now,
                actions: &actions)
        default:
            break  // a stale connection
        }
    }

    private mutating func receiveWhileConnecting(
        _ notification: TLCPNotification, connection: TLCPConnectionID, purpose: TLCPConnectionRequest.Purpose,
        transport: TLCPTransportKind, now: TLCPInstant, actions: inout [Action]
    ) {
        switch notification {
        case .connectionOK(let sessionID, let requestLimit, let keepaliveMillis, let controlLink):
            didBind(
                sessionID: sessionID, requestLimit: requestLimit, keepaliveMillis: keepaliveMillis,
                controlLink: controlLink, connection: connection, purpose: purpose, transport: transport, now: now,
                actions: &actions)
        case .connectionError(let code, let message):
            cancel(.connectTimeout, actions: &actions)
            actions.append(.closeTransport(connection))
            connectionRefused(code: code, message: message, purpose: purpose, now: now, actions: &actions)
        case .end(let code, let message):
            cancel(.connectTimeout, actions: &actions)
            actions.append(.closeTransport(connection))
            sessionEnded(code: code, message: message, now: now, actions: &actions)
        case .error(let code, let message):
            actions.append(.closeTransport(connection))
            terminate(.serverError(code: code, message: message), actions: &actions)
        case .loop:
            cancel(.connectTimeout, actions: &actions)
            actions.append(.closeTransport(connection))
            attemptFailed(purpose, transport: transport, problem: .transportClosed, now: now, actions: &actions)
        default:
            break  // WSOK, NOOP, …
        }
    }

    private mutating func didBind(
        sessionID: String, requestLimit: Int, keepaliveMillis: Int, controlLink: String?,
        connection: TLCPConnectionID, purpose: TLCPConnectionRequest.Purpose, transport: TLCPTransportKind,
        now: TLCPInstant, actions: inout [Action]
    ) {
        cancel(.connectTimeout, actions: &actions)
        cancel(.retry, actions: &actions)
        credentialsWereRejected = false
        rejectedCredentialsRetried = false
        let keepalive = keepaliveMillis > 0 ? Duration.milliseconds(keepaliveMillis) : configuration.fallbackKeepalive
        if purpose == .createSession || session?.id != sessionID {
            if session != nil { forgetSession(actions: &actions) }
            session = Session(id: sessionID, requestLimit: requestLimit, keepalive: keepalive, controlLink: controlLink)
            oldSessionID = nil
        } else {
            session?.requestLimit = requestLimit
            session?.keepalive = keepalive
            session?.skip = 0
            if let controlLink { session?.controlLink = controlLink }
        }
        consecutiveFailures = 0
        recoveryStartedAt = nil
        if transport == .webSocket { webSocketWorked = true }
        phase = .streaming(connection, transport)
        lastActivity = now
        isStalled = false
        schedule(.keepalive, at: now + keepalive + configuration.stalledGrace, actions: &actions)
        setStatus(.connected(transport), actions: &actions)
        sendPendingControlRequests(connection: connection, transport: transport, actions: &actions)
    }

    private mutating func receiveWhileStreaming(
        _ notification: TLCPNotification, connection: TLCPConnectionID, transport: TLCPTransportKind,
        now: TLCPInstant, actions: inout [Action]
    ) {
        lastActivity = now
        if isStalled {
            isStalled = false
            cancel(.stalled, actions: &actions)
            schedule(
                .keepalive, at: now + (session?.keepalive ?? .zero) + configuration.stalledGrace, actions: &actions)
            setStatus(.connected(transport), actions: &actions)
        }
        if notification.isDataNotification {
            guard session != nil else { return }
            if session!.skip > 0 {
                session!.skip -= 1  // already received before the connection was lost
                return
            }
            session!.progressive += 1
            receiveData(notification, connection: connection, transport: transport, actions: &actions)
            return
        }
        switch notification {
        case .progressive(let serverCount):
            guard let current = session else { return }
            if serverCount > current.progressive {
                // The server cannot resume where we are: the session is unusable.
                actions.append(.closeTransport(connection))
                replaceSession(problem: .recoveryFailed, immediately: true, now: now, actions: &actions)
            } else {
                session?.skip = current.progressive - serverCount
            }
        case .loop(let delayMillis):
            cancel(.keepalive, actions: &actions)
            actions.append(.closeTransport(connection))
            if delayMillis > 0 {
                phase = .waitingToRetry(.rebind)
                schedule(.retry, at: now + .milliseconds(delayMillis), actions: &actions)
            } else {
                open(.rebind, now: now, actions: &actions)
            }
        case .end(let code, let message):
            actions.append(.closeTransport(connection))
            sessionEnded(code: code, message: message, now: now, actions: &actions)
        case .error(let code, let message):
            actions.append(.closeTransport(connection))
            terminate(.serverError(code: code, message: message), actions: &actions)
        case .requestOK(let requestID?):
            requestSucceeded(requestID)
        case .requestError(let requestID, let code, let message):
            requestFailed(requestID, code: code, message: message, actions: &actions)
        default:
            break  // PROBE, NOOP, SYNC, SERVNAME, CLIENTIP, CONS, WSOK, MPN…, unknown lines
        }
    }

    /// `CONERR` in answer to a create or bind.
    mutating func connectionRefused(
        code: Int, message: String, purpose: TLCPConnectionRequest.Purpose, now: TLCPInstant, actions: inout [Action]
    ) {
        let problem = TLCPConnectionProblem.connectionRefused(code: code, message: message)
        switch purpose {
        case .createSession:
            if code == 1, configuration.refreshesCredentialsBeforeNewSession, !rejectedCredentialsRetried {
                // The tokens may have expired: fetch fresh credentials and try once more, never in a loop.
                rejectedCredentialsRetried = true
                credentialsWereRejected = true
                setStatus(.disconnected(.willRetry(problem)), actions: &actions)
                startCreate(now: now, actions: &actions)
                return
            }
            guard Self.retryableCreateErrors.contains(code) else {
                terminate(problem, actions: &actions)
                return
            }
            consecutiveFailures += 1
            scheduleRetry(.createSession, after: backoffDelay(), problem: problem, now: now, actions: &actions)
        case .rebind, .recovery:
            if Self.sessionGoneBindErrors.contains(code) {
                replaceSession(problem: problem, immediately: true, now: now, actions: &actions)
            } else if Self.transientBindErrors.contains(code) {
                recoveryAttemptFailed(problem: problem, now: now, actions: &actions)
            } else {
                terminate(problem, actions: &actions)
            }
        }
    }

    /// `END`: the server closed the session.
    mutating func sessionEnded(code: Int, message: String, now: TLCPInstant, actions: inout [Action]) {
        let problem = TLCPConnectionProblem.sessionEnded(code: code, message: message)
        if Self.endCodesForImmediateNewSession.contains(code) {
            replaceSession(problem: problem, immediately: true, now: now, actions: &actions)
        } else if Self.endCodesForDelayedNewSession.contains(code) {
            replaceSession(problem: problem, immediately: false, now: now, actions: &actions)
        } else {
            terminate(problem, actions: &actions)
        }
    }

    /// Gives up for good: no retry until the client connects again.
    mutating func terminate(_ problem: TLCPConnectionProblem, actions: inout [Action]) {
        for timer in TLCPTimer.allCases { cancel(timer, actions: &actions) }
        forgetSession(actions: &actions)
        phase = .terminated
        setStatus(.disconnected(.failed(problem)), actions: &actions)
    }
}
