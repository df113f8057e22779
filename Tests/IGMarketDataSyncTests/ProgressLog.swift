import Foundation
import IGMarketData

/// Progress reports collected from a copy's callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [StoreCopyProgress] = []

    func add(_ progress: StoreCopyProgress) { lock.withLock { stored.append(progress) } }

    var entries: [StoreCopyProgress] { lock.withLock { stored } }
}
