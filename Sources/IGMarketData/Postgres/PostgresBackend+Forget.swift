import IGModels
import Logging
import PostgresNIO

// Forgetting a series or an environment, in one transaction that first locks what it removes. A commit locks its
// series (`FOR UPDATE`) before writing bars: it waits for a forget of that series to end, then finds the row gone and
// looks the series up anew, so no bar is written under a removed series.
extension PostgresBackend {
    func forget(_ key: SeriesKey) async throws -> ForgetSummary {
        let logger = logger
        return try await transaction(extra: Self.forgetTime) { connection in
            guard
                let environment = try await Self.environmentID(
                    connection, key.environment, create: false, logger: logger)
            else { return ForgetSummary() }
            var found: Int64?
            for try await id in try await connection.query(
                """
                SELECT id FROM series WHERE environment_id = \(environment) AND epic = \(key.epic.rawValue)
                AND resolution = \(key.resolution.rawValue) FOR UPDATE
                """, logger: logger
            ).decode(Int64.self) { found = found ?? id }
            guard let series = found else { return ForgetSummary() }
            let bars = try await Self.delete(connection, "bars WHERE series_id = $1", series, logger: logger)
            try await Self.delete(connection, "coverage WHERE series_id = $1", series, logger: logger)
            try await Self.delete(connection, "work_units WHERE series_id = $1", series, logger: logger)
            try await Self.delete(connection, "series WHERE id = $1", series, logger: logger)
            return ForgetSummary(series: 1, bars: bars)
        }
    }

    func forget(environment: String) async throws -> ForgetSummary {
        let logger = logger
        return try await transaction(extra: Self.forgetTime) { connection in
            var found: Int64?
            for try await id in try await connection.query(
                "SELECT id FROM environments WHERE name = \(environment) FOR UPDATE", logger: logger
            ).decode(Int64.self) { found = found ?? id }
            guard let id = found else { return ForgetSummary() }
            // The series go first, locked, so a commit into one of them waits and then finds it gone.
            for try await _ in try await connection.query(
                "SELECT id FROM series WHERE environment_id = \(id) FOR UPDATE", logger: logger
            ) {}
            let ofSeries = "series_id IN (SELECT id FROM series WHERE environment_id = $1)"
            var summary = ForgetSummary()
            summary.bars = try await Self.delete(connection, "bars WHERE \(ofSeries)", id, logger: logger)
            try await Self.delete(connection, "coverage WHERE \(ofSeries)", id, logger: logger)
            try await Self.delete(connection, "work_units WHERE \(ofSeries)", id, logger: logger)
            summary.series = Int(
                try await Self.delete(connection, "series WHERE environment_id = $1", id, logger: logger))
            for table in StoreSchema.recordingTables {
                summary.recordedRows += try await Self.delete(
                    connection, "\(table) WHERE environment_id = $1", id, logger: logger)
            }
            summary.ledgerEntries = try await Self.delete(
                connection, "requests WHERE environment_id = $1", id, logger: logger)
            try await Self.delete(connection, "markets WHERE environment_id = $1", id, logger: logger)
            try await Self.delete(connection, "environments WHERE id = $1", id, logger: logger)
            return summary
        }
    }

    /// Time allowed beyond the store's query timeout: removing millions of bars takes minutes, not seconds.
    private static let forgetTime: Duration = .seconds(600)

    /// `DELETE FROM` `target` (a table and a condition on `$1`) with `argument`; returns the rows removed.
    @discardableResult
    private static func delete(
        _ connection: PostgresConnection, _ target: String, _ argument: Int64, logger: Logger
    ) async throws -> Int64 {
        var binds = PostgresBindings()
        binds.append(argument)
        var removed: Int64 = 0
        for try await count in try await connection.query(
            PostgresQuery(
                unsafeSQL: "WITH removed AS (DELETE FROM \(target) RETURNING 1) SELECT count(*) FROM removed",
                binds: binds),
            logger: logger
        ).decode(Int64.self) { removed = count }
        return removed
    }
}
