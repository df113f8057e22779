import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// The last update instant of every subscription, shared by the consumers and the fault injector.
final class ResilienceProgress: Sendable {
    private let state: Mutex<(last: [ContinuousClock.Instant?], gaps: Int)>

    init(count: Int) {
        state = Mutex((Array(repeating: nil, count: count), 0))
    }

    func updated(_ index: Int, at instant: ContinuousClock.Instant) {
        state.withLock { $0.last[index] = instant }
    }

    func gapSignalled() { state.withLock { $0.gaps += 1 } }

    var gaps: Int { state.withLock { $0.gaps } }

    func allUpdated(since start: ContinuousClock.Instant?) -> Bool {
        state.withLock { state in
            state.last.allSatisfy { last in last.map { start == nil || $0 > start! } ?? false }
        }
    }

    /// The latest of the subscriptions' last updates (when all updated since `start`, the recovery instant).
    func latestFirstUpdate(since start: ContinuousClock.Instant) -> ContinuousClock.Instant {
        state.withLock { state in state.last.compactMap { $0 }.max() ?? start }
    }
}
