import Foundation
import IGModels
import Logging
import PostgresNIO

// What a copy between stores reads and writes besides bars (which go through `commit`).
extension PostgresBackend {
    func environments() async throws -> [String] {
        let logger = logger
        return try await transaction { connection in
            var names: [String] = []
            for try await name in try await connection.query(
                "SELECT name FROM environments ORDER BY name", logger: logger
            ).decode(String.self) { names.append(name) }
            return names
        }
    }

    func marketEpics(environment: String) async throws -> [String] {
        let logger = logger
        return try await transaction { connection in
            guard let id = try await Self.environmentID(connection, environment, create: false, logger: logger) else {
                return []
            }
            var epics: [String] = []
            for try await epic in try await connection.query(
                "SELECT epic FROM markets WHERE environment_id = \(id) ORDER BY epic", logger: logger
            ).decode(String.self) { epics.append(epic) }
            return epics
        }
    }

    func barCount(_ key: SeriesKey, in range: TimeRange) async throws -> Int {
        let logger = logger
        return try await transaction { connection in
            guard let series = try await Self.seriesID(connection, key, create: false, logger: logger) else {
                return 0
            }
            var count: Int64 = 0
            for try await found in try await connection.query(
                """
                SELECT count(*)::int8 FROM bars WHERE series_id = \(series) AND time >= \(range.start)
                AND time < \(range.end)
                """, logger: logger
            ).decode(Int64.self) { count = found }
            return Int(count)
        }
    }

    /// The advisory lock a copy holds while it adds ledger entries (the migration's is 4774221).
    static let ledgerCopyLock: Int64 = 4_774_222

    func appendLedger(_ entries: [LedgerEntry], environment: String) async throws -> Int {
        guard !entries.isEmpty else { return 0 }
        let logger = logger
        return try await transaction { connection in
            // Copies into this database take turns here, so two at once never both add an entry neither found.
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.ledgerCopyLock))", logger: logger)
            guard
                let id = try await Self.environmentID(connection, environment, create: true, logger: logger)
            else { return 0 }
            let held = try await Self.ledger(connection, environmentID: id, since: .min, logger: logger)
            let missing = LedgerEntry.missing(entries, from: held)
            for entry in missing { try await Self.record(connection, entry, environmentID: id, logger: logger) }
            return missing.count
        }
    }
}
