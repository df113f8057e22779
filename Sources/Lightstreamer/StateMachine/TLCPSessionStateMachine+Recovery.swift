extension TLCPSessionStateMachine {
    /// The transport closed or failed.
    mutating func transportLost(
        _ connection: TLCPConnectionID, problem: TLCPConnectionProblem, now: TLCPInstant, actions: inout [Action]
    ) {
        switch phase {
        case .connecting(let current, let purpose, let transport) where current == connection:
            cancel(.connectTimeout, actions: &actions)
            actions.append(.closeTransport(connection))
            attemptFailed(purpose, transport: transport, problem: problem, now: now, actions: &actions)
        case .streaming(let current, _) where current == connection:
            connectionLost(connection, problem: problem, now: now, actions: &actions)
        default:
            break  // a connection we already abandoned
        }
    }

    /// A working stream connection is gone: start recovering the session.
    mutating func connectionLost(
        _ connection: TLCPConnectionID, problem: TLCPConnectionProblem, now: TLCPInstant, actions: inout [Action]
    ) {
        actions.append(.closeTransport(connection))
        cancel(.keepalive, actions: &actions)
        cancel(.stalled, actions: &actions)
        isStalled = false
        guard session != nil, configuration.sessionRecoveryTimeout > .zero else {
            replaceSession(problem: problem, immediately: true, now: now, actions: &actions)
            return
        }
        recoveryStartedAt = now
        phase = .waitingToRetry(.recovery)
        setStatus(.recovering, actions: &actions)
        schedule(.retry, at: now + firstRetryDelay(), actions: &actions)
    }

    /// An attempt to open a connection (create, rebind or recovery) failed before `CONOK`.
    mutating func attemptFailed(
        _ purpose: TLCPConnectionRequest.Purpose, transport: TLCPTransportKind, problem: TLCPConnectionProblem,
        now: TLCPInstant, actions: inout [Action]
    ) {
        switch purpose {
        case .createSession:
            if transport == .webSocket, configuration.transport == .webSocketWithHTTPFallback, !webSocketWorked {
                // WebSockets never worked here (proxy, firewall): switch to HTTP streaming for good, now.
                webSocketUnavailable = true
                open(.createSession, now: now, actions: &actions)
                return
            }
            consecutiveFailures += 1
            scheduleRetry(.createSession, after: backoffDelay(), problem: problem, now: now, actions: &actions)
        case .rebind, .recovery:
            recoveryAttemptFailed(problem: problem, now: now, actions: &actions)
        }
    }

    /// A rebind or recovery attempt failed: retry within the recovery window, then give up on the session.
    mutating func recoveryAttemptFailed(problem: TLCPConnectionProblem, now: TLCPInstant, actions: inout [Action]) {
        let startedAt = recoveryStartedAt ?? now
        recoveryStartedAt = startedAt
        // Give up once the next attempt would start outside the recovery window.
        guard session != nil, now + configuration.retryDelay - startedAt <= configuration.sessionRecoveryTimeout else {
            replaceSession(problem: .recoveryFailed, immediately: true, now: now, actions: &actions)
            return
        }
        phase = .waitingToRetry(.recovery)
        setStatus(.recovering, actions: &actions)
        schedule(.retry, at: now + configuration.retryDelay, actions: &actions)
    }

    /// Abandons the current session and schedules a new one; every subscription gets a gap and will be re-added.
    mutating func replaceSession(
        problem: TLCPConnectionProblem, immediately: Bool, now: TLCPInstant, actions: inout [Action]
    ) {
        cancel(.keepalive, actions: &actions)
        cancel(.stalled, actions: &actions)
        cancel(.connectTimeout, actions: &actions)
        isStalled = false
        recoveryStartedAt = nil
        forgetSession(actions: &actions)
        let delay: Duration
        if immediately {
            delay = firstRetryDelay()
        } else {
            consecutiveFailures += 1
            delay = backoffDelay()
        }
        scheduleRetry(.createSession, after: delay, problem: problem, now: now, actions: &actions)
    }

    /// Drops the session (keeping its id for `LS_old_session`) and resets every subscription for a new one.
    mutating func forgetSession(actions: inout [Action]) {
        if let session { oldSessionID = session.id }
        session = nil
        resetSubscriptionsForNewSession(actions: &actions)
    }

    mutating func scheduleRetry(
        _ purpose: TLCPConnectionRequest.Purpose, after delay: Duration, problem: TLCPConnectionProblem,
        now: TLCPInstant, actions: inout [Action]
    ) {
        phase = .waitingToRetry(purpose)
        setStatus(.disconnected(.willRetry(problem)), actions: &actions)
        schedule(.retry, at: now + delay, actions: &actions)
    }

    /// The backoff before the next session creation: `retryDelay * 2^(failures - 1)`, capped at `maxRetryDelay`, of
    /// which the fraction `jitter` is random.
    mutating func backoffDelay() -> Duration {
        let exponent = max(0, min(consecutiveFailures - 1, 30))
        let base = Double(configuration.retryDelay.tlcpMilliseconds) * Double(1 << exponent)
        let capped = min(base, Double(configuration.maxRetryDelay.tlcpMilliseconds))
        let jitterFraction = min(max(configuration.jitter, 0), 1)
        let factor = 1 - jitterFraction * jitter.nextUnit()
        return .milliseconds(Int64((capped * factor).rounded()))
    }

    /// A random pause in `0...firstRetryMaxDelay`, taken before the first attempt after losing a working connection.
    mutating func firstRetryDelay() -> Duration {
        configuration.firstRetryMaxDelay.tlcpScaled(by: jitter.nextUnit())
    }

    mutating func timerFired(_ timer: TLCPTimer, now: TLCPInstant, actions: inout [Action]) {
        guard let deadline = timerDeadlines[timer], now >= deadline else { return }  // cancelled or stale
        timerDeadlines[timer] = nil
        switch timer {
        case .connectTimeout:
            if case .connecting(let connection, let purpose, let transport) = phase {
                actions.append(.closeTransport(connection))
                attemptFailed(purpose, transport: transport, problem: .connectTimeout, now: now, actions: &actions)
            }
        case .keepalive:
            guard case .streaming = phase, let session else { return }
            let due = lastActivity + session.keepalive + configuration.stalledGrace
            if now >= due {
                isStalled = true
                setStatus(.stalled, actions: &actions)
                schedule(.stalled, at: now + configuration.reconnectTimeout, actions: &actions)
            } else {
                schedule(.keepalive, at: due, actions: &actions)
            }
        case .stalled:
            if case .streaming(let connection, _) = phase, isStalled {
                connectionLost(connection, problem: .keepaliveTimeout, now: now, actions: &actions)
            }
        case .retry:
            guard case .waitingToRetry(let purpose) = phase else { return }
            switch purpose {
            case .createSession:
                startCreate(now: now, actions: &actions)
            case .rebind, .recovery:
                open(purpose, now: now, actions: &actions)
            }
        }
    }
}
