import Synchronization

/// Runs an operation against a time limit without waiting for the operation once the limit has passed: a query on a
/// PostgreSQL connection that was dropped under it may never complete, and the caller must get an error instead.
enum Deadline {
    /// Thrown when `limit` passed before the operation finished.
    struct Expired: Error {}

    /// The value of `body`, or ``Expired`` once `limit` has passed (then `onExpiry` runs, e.g. to close the
    /// connection, and `body`'s task is cancelled and left to finish on its own). Cancelling the caller cancels both.
    static func run<T: Sendable>(
        _ limit: Duration, onExpiry: @escaping @Sendable () async -> Void,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let race = Race<T>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
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
                race.track(work: work, timer: timer)
            }
        } onCancel: {
            race.cancel()
        }
    }

    /// The one-shot meeting point of the operation, the timer and cancellation.
    private final class Race<T: Sendable>: Sendable {
        private struct State {
            var continuation: CheckedContinuation<T, any Error>?
            var work: Task<Void, Never>?
            var timer: Task<Void, Never>?
            var cancelled = false
        }
        private let state = Mutex(State())

        func start(_ continuation: CheckedContinuation<T, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        func track(work: Task<Void, Never>, timer: Task<Void, Never>) {
            let cancel = state.withLock { state -> Bool in
                state.work = work
                state.timer = timer
                return state.cancelled || state.continuation == nil
            }
            if cancel {
                work.cancel()
                timer.cancel()
            }
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

        func cancel() {
            let work = state.withLock { state -> Task<Void, Never>? in
                state.cancelled = true
                return state.work
            }
            work?.cancel()
        }
    }
}
