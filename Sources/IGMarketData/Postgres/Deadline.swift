import Synchronization

/// Runs an operation against a time limit without waiting for the operation once the limit has passed: a query on a
/// PostgreSQL connection that was dropped under it may never complete, and the caller must get an error instead.
enum Deadline {
    /// Thrown when `limit` passed before the operation finished.
    struct Expired: Error {}

    /// The value of `body`, or ``Expired`` once `limit` has passed (then `onExpiry` runs, e.g. to close the
    /// connection, and `body`'s task is cancelled and left to finish on its own).
    ///
    /// Cancelling the caller does not cancel `body`: a transaction is committed or rolled back whole, never dropped
    /// halfway by a recorder or sync being stopped; the deadline still bounds the wait.
    static func run<T: Sendable>(
        _ limit: Duration, onExpiry: @escaping @Sendable () async -> Void,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let work = Task {
                let result: Result<T, any Error>
                do { result = .success(try await body()) } catch { result = .failure(error) }
                race.finish(result)
            }
            let timer = Task {
                try? await Task.sleep(for: limit)
                guard !Task.isCancelled, race.finish(.failure(Expired())) else { return }
                work.cancel()
                await onExpiry()
            }
            race.track(timer: timer)
        }
    }

    /// The one-shot meeting point of the operation and the timer.
    private final class Race<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var timer: Task<Void, Never>?
        }
        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        /// Keeps the timer to stop it when the operation finishes first (at once when it already has).
        func track(timer: Task<Void, Never>) {
            let finished = state.withLock { state -> Bool in
                state.timer = timer
                return state.continuation == nil
            }
            if finished { timer.cancel() }
        }

        /// Resumes the caller with `result` if nothing did before; returns whether this call did.
        @discardableResult
        func finish(_ result: Result<T, any Error>) -> Bool {
            let (continuation, timer) = state.withLock { state in
                let taken = (state.continuation, state.timer)
                state.continuation = nil
                return taken
            }
            guard let continuation else { return false }
            timer?.cancel()
            continuation.resume(with: result)
            return true
        }
    }
}
