import Foundation

// Stepped clock: a step delivers the streamed updates of the new time before it is answered.

extension StreamingServer {
    /// Generates every session's updates at `millis` (the clock's new time) and wakes the bound connections.
    func generateAll(at millis: Int64, context: SimulatorContext) {
        let (interval, perSecond) = BindingStateMachine.tickSpacing(self.configuration(context).updatesPerSecond)
        let index = BindingStateMachine.tickIndex(millis, interval: interval, perSecond: perSecond)
        let generation = BindingStateMachine.Generation(
            markets: true, accounts: true, millis: millis, index: index, ticksPerSecond: perSecond)
        for session in self.allSessions {
            BindingPump(server: self, session: session, context: context).generate(generation)
            session.state.withLock { _ = $0.binding?.wake.yield() }
        }
    }

    /// Data notifications produced so far by every session (the sum of their progressives).
    var producedNotifications: Int64 {
        self.allSessions.reduce(0) { total, session in total + session.state.withLock { $0.nextProg - 1 } }
    }

    /// Waits until every bound connection has taken its pending updates for writing (at most `limit`).
    func waitUntilDelivered(limit: Duration = .seconds(5)) async {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            let pending = self.allSessions.contains { session in
                session.state.withLock { state in
                    state.binding != nil && !state.ended && state.written < state.nextProg - 1
                }
            }
            if !pending { return }
            try? await Task.sleep(for: .milliseconds(1))
        }
    }
}
