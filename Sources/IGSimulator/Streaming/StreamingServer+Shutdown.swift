import Foundation
import NIOCore
import ServiceLifecycle

extension StreamingServer {
    /// Discards sessions that stayed unbound longer than the session timeout, and ends sessions past their
    /// maximum duration that have no connection to tell.
    func sweep(context: SimulatorContext) {
        let settings = self.configuration(context)
        let now = ContinuousClock.now
        for session in self.allSessions {
            let unboundSince = session.state.withLock { $0.unboundSince }
            guard let unboundSince else { continue }
            let expired = settings.maximumSessionDuration.map { now - session.created >= $0 } ?? false
            if now - unboundSince >= settings.sessionTimeout || expired { self.removeSession(session) }
        }
    }

    /// Ends every session and closes every WebSocket; new sessions are refused until the next start.
    func shutdown() {
        let (sessions, channels) = self.state.withLock { state in
            state.shuttingDown = true
            let result = (Array(state.sessions.values), Array(state.channels.values))
            state.sessions.removeAll()
            return result
        }
        for session in sessions {
            session.command(.end(code: 32, message: "Server shutdown"))
            session.markEnded()
        }
        for channel in channels { channel.close(promise: nil) }
    }
}
