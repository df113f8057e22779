import Foundation
import NIOCore
import ServiceLifecycle

/// Runs beside the HTTP server: feeds exchange events to TRADE/ACCOUNT subscriptions, discards sessions left
/// unbound too long, and on graceful shutdown ends every session and closes every streaming connection so the
/// server can stop.
struct StreamingService: Service {
    let server: StreamingServer
    let context: SimulatorContext

    func run() async throws {
        self.server.state.withLock { $0.shuttingDown = false }
        let events = self.context.events.events()
        try? await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await event in events { self.server.publish(event) }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(500))
                        self.server.sweep(context: self.context)
                    }
                }
                await group.waitForAll()
            }
        }
        self.server.shutdown()
    }
}

extension StreamingServer {
    /// Discards sessions that stayed unbound longer than the session timeout, and ends sessions past their
    /// maximum duration that have no connection to tell.
    func sweep(context: SimulatorContext) {
        let settings = self.settings(context)
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
