import Foundation
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
            return try await Self.delete(connection, StoreSchema.forgetSeries, series, logger: logger)
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
            return try await Self.delete(connection, StoreSchema.forgetEnvironment, id, logger: logger)
        }
    }

    func dropQueued(environment: String, key: SeriesKey?, now: Date) async throws -> Int {
        let logger = logger
        return try await transaction { connection in
            var binds = PostgresBindings()
            binds.append(TimeRange.seconds(now))
            binds.append(environment)
            binds.append(key?.epic.rawValue)
            binds.append(key?.resolution.rawValue)
            let sql = StoreSchema.dropQueuedUnits.replacingOccurrences(of: "?", with: "$")
            var dropped = 0
            for try await count in try await connection.query(
                PostgresQuery(
                    unsafeSQL: "WITH removed AS (\(sql) RETURNING 1) SELECT count(*) FROM removed", binds: binds),
                logger: logger
            ).decode(Int64.self) { dropped = Int(count) }
            return dropped
        }
    }

    /// Time allowed beyond the store's query timeout: removing millions of bars takes minutes, not seconds.
    private static let forgetTime: Duration = .seconds(600)

    /// Runs the `DELETE`s of `targets` with `argument` (their `?` becomes `$1`), counting what they remove.
    private static func delete(
        _ connection: PostgresConnection, _ targets: [(target: String, tally: StoreSchema.ForgetTally?)],
        _ argument: Int64, logger: Logger
    ) async throws -> ForgetSummary {
        var summary = ForgetSummary()
        for (target, tally) in targets {
            var binds = PostgresBindings()
            binds.append(argument)
            let sql = target.replacingOccurrences(of: "?", with: "$1")
            for try await count in try await connection.query(
                PostgresQuery(
                    unsafeSQL: "WITH removed AS (DELETE FROM \(sql) RETURNING 1) SELECT count(*) FROM removed",
                    binds: binds),
                logger: logger
            ).decode(Int64.self) { summary.add(count, to: tally) }
        }
        return summary
    }
}
