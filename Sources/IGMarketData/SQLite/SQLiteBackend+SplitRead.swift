import Foundation
import GRDB
import IGModels
import Synchronization

extension SQLiteBackend {
    /// Reads the plan's bars in `parts` pieces of its time span at once, each on its own reader connection (WAL lets
    /// readers run side by side), and returns them oldest first; nil when another split read holds connections (the
    /// caller then reads in one piece).
    ///
    /// The pieces see one state of the database: `PRAGMA data_version`, read on one connection before the pieces
    /// start and after the last one ends, changes when any other connection (of this process or another) committed
    /// meanwhile. Then the bars are read again in one statement on that connection, which is its own snapshot.
    func readInParallel(_ plan: BarReadPlan, parts: Int) async throws -> [PriceTable.Row]? {
        let pieces = plan.pieces(parts)
        guard pieces.count > 1 else { return nil }
        let claimed = splitReadBusy.withLock { busy in
            guard !busy else { return false }
            busy = true
            return true
        }
        guard claimed else { return nil }
        defer { splitReadBusy.withLock { $0 = false } }
        let readers = pool
        return try await readers.unsafeRead { db -> [PriceTable.Row] in
            let before = try Int64.fetchOne(db, sql: "PRAGMA data_version")
            let results = SplitReadResults(count: pieces.count)
            let share = plan.capacity / pieces.count + 1
            for index in 1..<pieces.count {
                results.group.enter()
                let piece = pieces[index]
                readers.asyncRead { connection in
                    let result = Result { () throws -> [PriceTable.Row] in
                        var rows: [PriceTable.Row] = HugePages.reserved(share)
                        try Self.readBars(try connection.get(), series: plan.series, range: piece, into: &rows)
                        return rows
                    }
                    results.store(index, result)
                    results.group.leave()
                }
            }
            // The first piece on this connection, outside a transaction: one statement, one snapshot. Its rows go
            // straight into the result, reserved for all pieces.
            var rows: [PriceTable.Row] = HugePages.reserved(plan.capacity)
            let firstPiece = Result { try Self.readBars(db, series: plan.series, range: pieces[0], into: &rows) }
            results.group.wait()
            try firstPiece.get()
            if let error = results.firstError() { throw error }
            let after = try Int64.fetchOne(db, sql: "PRAGMA data_version")
            guard before != nil, before == after else {
                rows.removeAll(keepingCapacity: true)
                try Self.readBars(db, series: plan.series, range: plan.range, into: &rows)
                return rows
            }
            for index in 1..<pieces.count {
                rows.append(contentsOf: try results.take(index))
            }
            return rows
        }
    }
}
