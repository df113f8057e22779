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

    func appendLedger(_ entries: [LedgerEntry], environment: String) async throws {
        guard !entries.isEmpty else { return }
        let logger = logger
        try await transaction { connection in
            guard
                let id = try await Self.environmentID(connection, environment, create: true, logger: logger)
            else { return }
            for entry in entries { try await Self.record(connection, entry, environmentID: id, logger: logger) }
        }
    }
}
