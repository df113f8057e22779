// The published-tick ledger and session count, for benchmarks that check a recording from the server's side.

extension IGSimulator {
    /// Starts (or stops, with false) keeping every `CHART:{epic}:TICK` update the Lightstreamer server puts into a
    /// session, for ``takePublishedTicks()``. Off by default: the ledger grows until it is taken.
    public func setPublishedTickLedger(_ enabled: Bool) async {
        self.core.context.streaming.ledger.withLock { $0 = enabled ? ($0 ?? []) : nil }
    }

    /// The chart ticks published since the ledger was turned on or last taken (in publication order, a tick sent
    /// to several sessions or sent again in a snapshot once per sending), emptying the ledger.
    public func takePublishedTicks() async -> [PublishedTick] {
        self.core.context.streaming.ledger.withLock { ledger in
            defer { if ledger != nil { ledger = [] } }
            return ledger ?? []
        }
    }

    /// Lightstreamer sessions the server created since it started (a client's first session and every new one it
    /// had to open after a session ended).
    public func streamingSessionsCreated() async -> Int {
        self.core.context.streaming.state.withLock { $0.sessionsCreated }
    }
}
