import Foundation
import IGMarketData
import IGMarketDataSync
import Lightstreamer
import Synchronization

/// What `ig record` prints: one status line redrawn in place on a terminal, NDJSON progress objects when piped.
final class RecordView: Sendable {
    let terminal: Bool
    private let last = Mutex<(updates: Int, at: ContinuousClock.Instant)?>(nil)

    init(terminal: Bool) {
        self.terminal = terminal
    }

    func started(_ recorder: MarketDataRecorder, location: StoreLocation) {
        // The account's ACCOUNT and TRADE items count too (their keys need the account id, known only once logged in).
        let streams = recorder.options.streamKeys.count + (recorder.options.account ? 2 : 0)
        if terminal {
            let audit = recorder.options.account ? ", the account's ACCOUNT and TRADE among them," : ""
            Console.line(
                "Recording \(counted(streams, "stream"))\(audit) of \(counted(recorder.options.epics.count, "epic")) into "
                    + "\(location).")
        } else {
            Console.line(
                NDJSON.object([
                    ("type", .string("started")), ("streams", .int(streams)),
                    ("epics", .int(recorder.options.epics.count)), ("store", .string("\(location)")),
                    ("environment", .string(recorder.environment)),
                ]))
        }
    }

    func progress(_ statistics: RecorderStatistics, status: TLCPConnectionStatus) {
        let now = ContinuousClock.now
        let rate: Double = last.withLock { last in
            defer { last = (statistics.updates, now) }
            guard let previous = last else { return 0 }
            let elapsed = (now - previous.at) / .seconds(1)
            return elapsed > 0 ? Double(statistics.updates - previous.updates) / elapsed : 0
        }
        let state = StreamView.describe(status)
        if terminal {
            let line =
                "\u{1B}[2K\r\(String(format: "%.1f", rate)) updates/s  \(statistics.rowsWritten) rows written  "
                + "\(statistics.gapsWritten) gaps  \(statistics.pendingRows) pending  \(state)"
            Console.current.write(line)
        } else {
            Console.line(
                NDJSON.object(
                    [("type", .string("progress")), ("updatesPerSecond", .decimal(Decimal(Int(rate * 10)) / 10))]
                        + Self.fields(statistics) + [("status", .string(state))]))
        }
    }

    func finished(_ statistics: RecorderStatistics) {
        if terminal {
            Console.current.write("\n")
            Console.line(
                "Stopped: \(counted(statistics.ticksWritten, "tick")), \(counted(statistics.candlesWritten, "candle")), "
                    + "\(counted(statistics.pricesWritten, "price update")) and "
                    + "\(counted(statistics.accountUpdatesWritten, "account update")) written, "
                    + "\(counted(statistics.gapsWritten, "gap")) recorded, "
                    + "\(counted(statistics.duplicates, "repeated update")) skipped.")
        } else {
            Console.line(NDJSON.object([("type", .string("stopped"))] + Self.fields(statistics)))
        }
    }

    static func fields(_ statistics: RecorderStatistics) -> [(String, NDJSON.Value)] {
        [
            ("updates", .int(statistics.updates)), ("ticks", .int(statistics.ticksWritten)),
            ("candles", .int(statistics.candlesWritten)), ("prices", .int(statistics.pricesWritten)),
            ("account", .int(statistics.accountUpdatesWritten)), ("gaps", .int(statistics.gapsWritten)),
            ("duplicates", .int(statistics.duplicates)), ("pending", .int(statistics.pendingRows)),
            ("batches", .int(statistics.batches)),
        ]
    }
}
