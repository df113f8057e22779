import Foundation

/// The generated past of accounts, kept once written so that the next engine with the same inputs reads it instead
/// of writing it again.
///
/// An account's past is a pure function of the seed, the UTC day it is written on, the account, the markets it traded
/// (their instruments), the dealing settings and the deal identifiers issued before it; that is the key. Writing it
/// walks a year of the price path (about 0.3 s in a debug build), and a process that starts many simulators (a test
/// run starts hundreds, at once) would otherwise write the same year again for each of them. Engines that ask for the
/// same key at the same time wait for the first one to write it. The memo holds the last ``capacity`` keys.
final class PastMemo: Sendable {
    /// What a past depends on.
    struct Key: Hashable, Sendable {
        let seed: UInt64
        let today: Int64
        let account: DealingEngine.Account
        let markets: [Instrument]
        let settings: DealingConfiguration
        let identifiers: DealIdentifiers
    }

    /// A written past: the ledger records in date order, the account's balance after them and the identifiers after
    /// the ones the past used.
    struct Record: Sendable {
        let activities: [DealingLedger.Activity]
        let transactions: [DealingLedger.Transaction]
        let balance: Decimal
        let identifiers: DealIdentifiers
    }

    /// The memo every engine uses.
    static let shared = PastMemo(capacity: 16)

    /// How many keys the memo holds (the oldest goes first).
    let capacity: Int
    private let entries = Locked<[(key: Key, slot: Locked<Record?>)]>([])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The record for `key`: the one kept, or the one `write` returns (then kept), written once for concurrent
    /// callers with the same key.
    func record(for key: Key, write: () -> Record) -> Record {
        let slot = self.entries.withLock { entries -> Locked<Record?> in
            if let index = entries.firstIndex(where: { $0.key == key }) { return entries[index].slot }
            let slot = Locked<Record?>(nil)
            entries.append((key, slot))
            if entries.count > self.capacity { entries.removeFirst(entries.count - self.capacity) }
            return slot
        }
        return slot.withLock { record in
            if let record { return record }
            let written = write()
            record = written
            return written
        }
    }
}
