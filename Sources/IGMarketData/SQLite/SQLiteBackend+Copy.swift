import Foundation
import GRDB
import IGModels

// What a copy between stores reads and writes besides bars (which go through `commit`).
extension SQLiteBackend {
    func environments() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM environments ORDER BY name") }
    }

    func marketEpics(environment: String) async throws -> [String] {
        try await pool.read { db in
            guard let id = try environmentID(db, environment, create: false) else { return [] }
            return try String.fetchAll(
                db, sql: "SELECT epic FROM markets WHERE environment_id = ? ORDER BY epic", arguments: [id])
        }
    }

    func barCount(_ key: SeriesKey, in range: TimeRange) async throws -> Int {
        try await pool.read { db in
            guard let series = try seriesID(db, key, create: false) else { return 0 }
            return try Int.fetchOne(
                db, sql: "SELECT count(*) FROM bars WHERE series_id = ? AND time >= ? AND time < ?",
                arguments: [series, range.start, range.end]) ?? 0
        }
    }

    func appendLedger(_ entries: [LedgerEntry], environment: String) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        // One writer at a time (an immediate transaction takes SQLite's write lock before reading), so two copies
        // into this store never both add an entry neither found.
        return try await pool.writeWithoutTransaction { db in
            var added = 0
            try db.inTransaction(.immediate) {
                added = 0
                guard let id = try environmentID(db, environment, create: true) else { return .rollback }
                let missing = LedgerEntry.missing(entries, from: try Self.ledger(db, environmentID: id, since: .min))
                for entry in missing { try record(db, entry, environment: environment) }
                added = missing.count
                return .commit
            }
            return added
        }
    }
}
