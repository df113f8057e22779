import IGMarketDataSync
import Testing

@Suite("RateLimitBackoff: waits for the window, gives up when waits in a row do not help")
struct RateLimitBackoffTests {
    @Test("each refusal waits the window plus its jitter, IG's Retry-After instead of the window when given")
    func waits() {
        var backoff = RateLimitBackoff(window: .seconds(60), maxConsecutiveWaits: 3, jitter: 0.1)
        #expect(backoff.refused(random: 0) == .seconds(60))
        #expect(backoff.refused(random: 1) == .seconds(66))
        #expect(backoff.refused(retryAfter: .seconds(5), random: 0.5) == .seconds(8))
        #expect(backoff.consecutiveWaits == 3)
    }

    @Test("after the most waits in a row it gives up; progress starts a new series")
    func givesUp() {
        var backoff = RateLimitBackoff(window: .seconds(1), maxConsecutiveWaits: 2, jitter: 0)
        #expect(backoff.refused(random: 0) != nil)
        backoff.progressed()
        #expect(backoff.refused(random: 0) != nil)
        #expect(backoff.refused(random: 0) != nil)
        #expect(backoff.refused(random: 0) == nil)
        #expect(backoff.refused(random: 0) == nil)
        backoff.progressed()
        #expect(backoff.consecutiveWaits == 0)
        #expect(backoff.refused(random: 0) == .seconds(1))
    }

    @Test("waits are not in vain while other workers complete units of the shared plan")
    func othersProgress() {
        var backoff = RateLimitBackoff(window: .seconds(1), maxConsecutiveWaits: 1, jitter: 0)
        backoff.observe(sharedDone: 4)
        #expect(backoff.refused(random: 0) != nil)
        backoff.observe(sharedDone: 5)
        #expect(backoff.refused(random: 0) != nil)
        backoff.observe(sharedDone: nil)
        backoff.observe(sharedDone: 5)
        #expect(backoff.refused(random: 0) == nil)
        #expect(backoff.sharedDone == 5)
    }

    @Test("out-of-range settings are clamped: no negative waits in a row, jitter within 0…1")
    func clamped() {
        var never = RateLimitBackoff(window: .seconds(1), maxConsecutiveWaits: -1, jitter: 5)
        #expect(never.maxConsecutiveWaits == 0 && never.jitter == 1)
        #expect(never.refused(random: 0) == nil)
    }
}
