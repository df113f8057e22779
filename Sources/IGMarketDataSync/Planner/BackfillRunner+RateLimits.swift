public import IGTrading

extension BackfillRunner {
    /// Runs `operation` (the login before a run), waiting out IG's per-minute request allowance as a run does: after
    /// each refusal `waiting` is told and the task sleeps for `backoff`'s wait, until `backoff` gives up (waits in a
    /// row while `sharedDone`, the shared queue's count of done units, did not grow); then the refusal is thrown. Any
    /// other error is thrown at once; a cancellation during a wait throws an `IGError` of code `cancelled`.
    @discardableResult
    public static func waitingOutRateLimits<T>(
        _ backoff: RateLimitBackoff, waiting: (SyncWait) -> Void = { _ in },
        sharedDone: () async -> Int? = { nil }, _ operation: () async throws(IGError) -> T
    ) async throws(IGError) -> T {
        var backoff = backoff
        while true {
            do {
                return try await operation()
            } catch {
                guard isRateLimited(error) else { throw error }
                backoff.observe(sharedDone: await sharedDone())
                guard
                    let pause = backoff.refused(retryAfter: error.retryAfter, random: Double.random(in: 0...1))
                else { throw error }
                waiting(SyncWait(pause, errorCode: error.errorCode, backoff: backoff))
                do {
                    try await Task.sleep(for: pause)
                } catch {
                    throw IGError(code: .cancelled, operation: "waiting for IG's per-minute request allowance")
                }
            }
        }
    }
}
