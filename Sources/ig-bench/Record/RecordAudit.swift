import Foundation
import IGMarketData
import IGModels
import IGSimulator

/// Checks a recording against what the simulator's Lightstreamer server published, window by window, so that
/// neither side has to be kept for the whole run.
///
/// The published ticks come from the server's ledger (every `CHART:{epic}:TICK` update put into a session), the
/// stored ticks and the gaps from the store: none of the figures is the recorder's own count. In each window of time
/// and for each epic, a tick is "in a gap" when its time lies strictly inside a recorded gap of that epic's tick
/// stream (a gap runs from the last tick stored before a fault to the first stored after it, both stored); every
/// other published tick must be stored, value for value (time, bid, offer), and every stored tick must have been
/// published.
struct RecordAudit {
    /// A tick as both sides can tell it: time, bid and offer (in units of 10^-8, so that `1.2340` and `1.234` are
    /// one key).
    struct Key: Hashable {
        var millis: Int64
        var bid: Int64?
        var offer: Int64?

        init(millis: Int64, bid: Decimal?, offer: Decimal?) {
            self.millis = millis
            self.bid = bid.map(Self.scaled)
            self.offer = offer.map(Self.scaled)
        }

        private static func scaled(_ value: Decimal) -> Int64 {
            NSDecimalNumber(decimal: value * Decimal(100_000_000)).int64Value
        }
    }

    /// Published ticks not audited yet, per epic.
    private var waiting: [String: [PublishedTick]] = [:]
    /// Where the next window starts (ms), nil before the first.
    private(set) var auditedUpTo: Int64?

    /// Distinct ticks published (outside and inside gaps).
    var published = 0
    /// Distinct ticks published outside recorded gaps.
    var publishedOutsideGaps = 0
    /// Of those, stored.
    var storedOutsideGaps = 0
    /// Published outside gaps and not stored: must be 0.
    var missing = 0
    /// Stored and never published: must be 0.
    var unpublished = 0
    /// Distinct ticks published inside recorded gaps, and how many of them were stored anyway.
    var publishedInGaps = 0
    var storedInGaps = 0
    /// Ticks the store holds in the audited windows.
    var stored = 0
    /// Stored ticks with a time in the measured interval (for the sustained rate).
    var storedInMeasurement = 0
    /// Published after their window was audited (only possible for a tick older than the audit's lag).
    var late = 0
    /// Published after the last tick stored for their epic when the recorder stopped (in flight at the end).
    var inFlightAtEnd = 0
    /// The first disagreements, for the report.
    var examples: [String] = []
    /// Per gap row seen (epic, start, reason): published ticks inside it that the store does not hold.
    private(set) var lossPerGap: [String: Int] = [:]
    /// Reasons of the gap rows seen, by gap.
    private(set) var gapReasons: [String: String] = [:]

    /// The interval whose stored ticks count for ``storedInMeasurement`` (ms).
    var measurement: ClosedRange<Int64> = Int64.min...Int64.max

    /// Adds ticks taken from the server's ledger.
    mutating func add(_ ticks: [PublishedTick]) {
        for tick in ticks {
            if let auditedUpTo, tick.millis < auditedUpTo {
                late += 1
                continue
            }
            waiting[tick.epic, default: []].append(tick)
        }
    }

    /// Audits every epic's window `[auditedUpTo, end)` against the store (`end` nil: up to the last stored tick of
    /// each epic, when the recording has stopped).
    mutating func audit(
        epics: [Epic], store: MarketDataStore, environment: String, upTo end: Int64?
    ) async throws {
        let from = auditedUpTo ?? Int64.min / 4
        let to = end ?? Int64.max / 4
        let gaps = try await store.gaps(
            environment: environment, stream: RecordedStream.ticks, from: Self.date(from), to: Self.date(to))
        let gapsByEpic = Dictionary(grouping: gaps, by: \.stream.epic)
        for epic in epics {
            let storedTicks = try await store.ticks(
                epic, environment: environment, from: Self.date(from), to: Self.date(to))
            var ticks = waiting[epic.rawValue] ?? []
            var window: [PublishedTick] = []
            if let end {
                window = ticks.filter { $0.millis < end }
                ticks.removeAll { $0.millis < end }
                waiting[epic.rawValue] = ticks
            } else {
                let last = storedTicks.last?.time ?? Int64.min
                window = ticks.filter { $0.millis <= last }
                inFlightAtEnd += Set(ticks.filter { $0.millis > last }.map(Self.key)).count
                waiting[epic.rawValue] = nil
            }
            compare(epic: epic, published: window, stored: storedTicks, gaps: gapsByEpic[epic] ?? [])
        }
        auditedUpTo = to
    }

    private mutating func compare(epic: Epic, published: [PublishedTick], stored: [RecordedTick], gaps: [RecordedGap]) {
        func inGap(_ millis: Int64) -> Bool { gaps.contains { $0.start < millis && millis < $0.end } }
        let sent = Set(published.map(Self.key))
        let kept = Set(stored.map { Key(millis: $0.time, bid: $0.bid, offer: $0.offer) })
        self.published += sent.count
        self.stored += stored.count
        storedInMeasurement += stored.filter { measurement.contains($0.time) }.count
        for gap in gaps {
            let name = "\(epic) \(gap.start) \(gap.reason)"
            gapReasons[name] = gap.reason
            lossPerGap[name, default: 0] += 0
        }
        for key in sent {
            if inGap(key.millis) {
                publishedInGaps += 1
                if kept.contains(key) {
                    storedInGaps += 1
                } else if let gap = gaps.first(where: { $0.start < key.millis && key.millis < $0.end }) {
                    lossPerGap["\(epic) \(gap.start) \(gap.reason)", default: 0] += 1
                }
            } else {
                publishedOutsideGaps += 1
                if kept.contains(key) {
                    storedOutsideGaps += 1
                } else {
                    missing += 1
                    note("\(epic) \(key.millis) published, not stored")
                }
            }
        }
        for key in kept where !sent.contains(key) {
            unpublished += 1
            note("\(epic) \(key.millis) stored, never published")
        }
    }

    private mutating func note(_ text: String) {
        if examples.count < 10 { examples.append(text) }
    }

    /// Gap rows of `reason` seen, and how many of them hold at least one published tick the store lacks (a loss the
    /// server's side confirms).
    func gaps(reason: String) -> (rows: Int, withLoss: Int) {
        let names = gapReasons.filter { $0.value == reason }.map(\.key)
        return (names.count, names.filter { (lossPerGap[$0] ?? 0) > 0 }.count)
    }

    /// Reasons of the gap rows seen.
    var reasons: Set<String> { Set(gapReasons.values) }

    /// Whether the recording agrees with the server outside recorded gaps.
    var agrees: Bool { missing == 0 && unpublished == 0 && published > 0 }

    static func key(_ tick: PublishedTick) -> Key {
        Key(millis: tick.millis, bid: Decimal(string: tick.bid), offer: Decimal(string: tick.offer))
    }

    static func date(_ millis: Int64) -> Date { Date(timeIntervalSince1970: TimeInterval(millis) / 1000) }
}
