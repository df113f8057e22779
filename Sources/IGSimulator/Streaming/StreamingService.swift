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
        await cancelWhenGracefulShutdown {
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
