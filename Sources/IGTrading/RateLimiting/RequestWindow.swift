import Foundation

/// A sliding-window request budget: the requests IG counts in any `window`, judged as the server judges it.
///
/// A request holds a slot from the moment it is sent until `window` after its response arrived. IG stamps a
/// request when it arrives, which is never later than our receipt of its response, so a slot is released only when
/// IG's window can no longer count it: the budget is used to the full and never exceeded, whatever the latency.
///
/// The window keeps only what was sent. How many requests it admits is each caller's own allowance, passed to
/// ``acquire(limit:)``, so a window shared by several clients never carries one client's allowance over to another
/// (a simulator restarted on the same port publishes its own).
actor RequestWindow {
    /// What the window reports about itself.
    struct Usage: Sendable, Hashable {
        /// Requests in flight plus those still inside the window.
        var used: Int
        var granted: Int
        var waits: Int
        var totalWait: Duration
    }

    let name: String
    private let window: Duration
    private let clock = ContinuousClock()
    /// When each finished request stops counting, ascending.
    private var releases: [ContinuousClock.Instant] = []
    private var inFlight = 0
    private var granted = 0
    private var waits = 0
    private var totalWait: Duration = .zero

    init(name: String, window: Duration) {
        self.name = name
        self.window = window
    }

    /// Waits until fewer than `limit` requests count (at least one is always admitted) and takes a slot. Returns how
    /// long it waited.
    func acquire(limit: Int) async throws -> Duration {
        let limit = max(1, limit)
        let start = clock.now
        var waited = false
        while true {
            let now = clock.now
            prune(now)
            if inFlight + releases.count < limit {
                inFlight += 1
                granted += 1
                let wait = clock.now - start
                if waited {
                    waits += 1
                    totalWait += wait
                }
                return wait
            }
            waited = true
            // The earliest moment a slot frees: the oldest release, or (all slots in flight) a short poll.
            let wake = releases.first ?? now.advanced(by: .milliseconds(20))
            try await Task.sleep(until: wake, tolerance: .milliseconds(1), clock: clock)
        }
    }

    /// Returns a slot taken by ``acquire()``: it stops counting `window` from now.
    func release() {
        inFlight = max(0, inFlight - 1)
        releases.append(clock.now.advanced(by: window))
    }

    /// Returns a slot that was never used (the request was not sent).
    func cancel() {
        inFlight = max(0, inFlight - 1)
    }

    var usage: Usage {
        prune(clock.now)
        return Usage(
            used: inFlight + releases.count, granted: granted, waits: waits, totalWait: totalWait)
    }

    private func prune(_ now: ContinuousClock.Instant) {
        var expired = 0
        while expired < releases.count, releases[expired] <= now { expired += 1 }
        if expired > 0 { releases.removeFirst(expired) }
    }
}
