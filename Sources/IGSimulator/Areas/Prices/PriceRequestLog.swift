import Foundation

/// The simulator's log of served historical-price requests (the newest ``capacity`` kept).
final class PriceRequestLog: Sendable {
    /// The most records kept; older ones are dropped first.
    static let capacity = 100_000

    private let records = Locked<[PriceRequestRecord]>([])

    /// Adds a record.
    func append(_ record: PriceRequestRecord) {
        self.records.withLock { records in
            if records.count >= Self.capacity { records.removeFirst(records.count - Self.capacity + 1) }
            records.append(record)
        }
    }

    /// Every kept record, oldest first.
    var all: [PriceRequestRecord] { self.records.withLock { $0 } }

    /// Forgets every record.
    func clear() { self.records.withLock { $0.removeAll() } }
}
