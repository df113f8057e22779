import Synchronization

/// Fans the connection status out to any number of observers; each gets the current status first.
final class StatusBroadcaster: Sendable {
    private struct State {
        var current: TLCPConnectionStatus = .disconnected(.notStarted)
        var observers: [Int: AsyncStream<TLCPConnectionStatus>.Continuation] = [:]
        var nextObserver = 0
        var finished = false
    }

    private let state = Mutex(State())

    var current: TLCPConnectionStatus { state.withLock { $0.current } }

    func makeStream() -> AsyncStream<TLCPConnectionStatus> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: TLCPConnectionStatus.self, bufferingPolicy: .bufferingNewest(64))
        let id: Int? = state.withLock { state in
            continuation.yield(state.current)
            guard !state.finished else { return nil }
            let id = state.nextObserver
            state.nextObserver += 1
            state.observers[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.observers.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ status: TLCPConnectionStatus) {
        let observers = state.withLock { state in
            state.current = status
            return Array(state.observers.values)
        }
        for observer in observers { observer.yield(status) }
    }

    func finish() {
        let observers = state.withLock { state in
            state.finished = true
            defer { state.observers.removeAll() }
            return Array(state.observers.values)
        }
        for observer in observers { observer.finish() }
    }
}
