import NIOCore

/// The open HTTP connections, so that a graceful shutdown can close the idle ones (a connection half-way through
/// a request head is otherwise waited for by the server, which then never exits).
final class ConnectionRegistry: Sendable {
    /// The event that tells each connection's guard that the server is shutting down.
    struct Shutdown: Sendable {}

    private struct State: Sendable {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var shuttingDown = false
    }

    private let state = Locked(State())

    init() {}

    /// Registers a connection; returns true when the server is already shutting down.
    func add(_ channel: any Channel) -> Bool {
        self.state.withLock { state in
            state.channels[ObjectIdentifier(channel)] = channel
            return state.shuttingDown
        }
    }

    /// Forgets a connection.
    func remove(_ channel: any Channel) {
        _ = self.state.withLock { $0.channels.removeValue(forKey: ObjectIdentifier(channel)) }
    }

    /// Number of connections open.
    var count: Int { self.state.withLock { $0.channels.count } }

    /// Tells every connection the server is shutting down: idle ones close, busy ones close after their exchange.
    func shutdown() {
        let channels = self.state.withLock { state in
            state.shuttingDown = true
            return Array(state.channels.values)
        }
        for channel in channels { channel.pipeline.fireUserInboundEventTriggered(Shutdown()) }
    }

    /// Accepts connections normally again (a simulator restarted after a shutdown).
    func reset() {
        self.state.withLock { $0.shuttingDown = false }
    }
}
