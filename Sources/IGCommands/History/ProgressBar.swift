import Foundation
import IGMarketDataSync
import Synchronization

/// A one-line progress bar on standard error (a line per update when standard error is not a terminal).
final class ProgressBar: Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let shown = Mutex(false)

    func show(_ progress: SyncProgress) {
        let total = max(progress.unitsPlanned, progress.unitsDone, 1)
        let width = 30
        let filled = min(width, progress.unitsDone * width / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let text =
            "[\(bar)] \(progress.unitsDone)/\(total) units, \(progress.points)/\(progress.pointsPlanned) points "
            + "(\(progress.series))"
        shown.withLock { $0 = true }
        FileHandle.standardError.write(Data((isTerminal ? "\r\u{1B}[K" + text : text + "\n").utf8))
    }

    func finish() {
        if isTerminal, shown.withLock({ $0 }) { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
