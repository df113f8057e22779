// Fault injection into the Lightstreamer server, for resilience tests of streaming clients.

extension IGSimulator {
    /// Injects a fault into one Lightstreamer session (by id) or into every session; returns how many it reached.
    @discardableResult
    public func injectStreamingFault(_ fault: StreamingFault, sessionId: String? = nil) async -> Int {
        self.core.context.streaming.inject(fault, sessionId: sessionId)
    }

    /// Injects a fault chosen deterministically from the seed (the n-th call of a run always picks the same kind)
    /// and returns it.
    @discardableResult
    public func injectRandomStreamingFault(sessionId: String? = nil) async -> StreamingFault {
        let fault = self.core.context.streaming.randomFault(seed: self.configuration.seed)
        self.core.context.streaming.inject(fault, sessionId: sessionId)
        return fault
    }

    /// Ends every stall injected with ``StreamingFault/stall(_:)``.
    public func resumeStreaming() async {
        self.core.context.streaming.resume()
    }

    /// Sets (or clears with nil) the maximum session duration at run time: older sessions end with `END,48`.
    public func setStreamingMaximumSessionDuration(_ duration: Duration?) async {
        self.core.context.streaming.state.withLock { $0.maximumSessionDuration = .some(duration) }
    }

    /// Sets the price updates per second per item at run time (new connections and rebinds pick it up).
    public func setStreamingUpdateRate(_ updatesPerSecond: Double) async {
        self.core.context.streaming.state.withLock { $0.updatesPerSecond = Swift.max(0.01, updatesPerSecond) }
    }

    /// Ids of the live Lightstreamer sessions.
    public func streamingSessionIds() async -> [String] {
        self.core.context.streaming.allSessions.map(\.id).sorted()
    }

    /// Subscriptions held by each live Lightstreamer session (session id → count), as the server sees them: adds
    /// minus deletes.
    public func streamingSubscriptionCounts() async -> [String: Int] {
        var counts: [String: Int] = [:]
        for session in self.core.context.streaming.allSessions {
            counts[session.id] = session.state.withLock { $0.subscriptions.count }
        }
        return counts
    }

    /// Publishes a TRADE item event for an account as the dealing engine would: `field` is `CONFIRMS`, `OPU` or
    /// `WOU`, `json` the payload.
    public func publishStreamingTrade(accountId: String, field: String, json: String) async {
        switch field.uppercased() {
        case "CONFIRMS": self.core.context.events.publish(.confirm(accountId: accountId, json: json))
        case "OPU": self.core.context.events.publish(.positionUpdate(accountId: accountId, json: json))
        case "WOU": self.core.context.events.publish(.workingOrderUpdate(accountId: accountId, json: json))
        default: break
        }
    }
}
