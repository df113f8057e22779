import Foundation
import GRDB
import IGModels

// Forgetting a series or an environment: one write transaction, so a commit (which looks its series up and writes
// its bars in one transaction of its own) sees the series whole or not at all.
extension SQLiteBackend {
    func forget(_ key: SeriesKey) async throws -> ForgetSummary {
        try await pool.write { db in
            guard let series = try seriesID(db, key, create: false) else { return ForgetSummary() }
            return try Self.delete(db, StoreSchema.forgetSeries, series)
        }
    }

    func forget(environment: String) async throws -> ForgetSummary {
        try await pool.write { db in
            guard let id = try environmentID(db, environment, create: false) else { return ForgetSummary() }
            return try Self.delete(db, StoreSchema.forgetEnvironment, id)
        }
    }

    func dropQueued(environment: String, key: SeriesKey?, now: Date) async throws -> Int {
        try await pool.write { db in
            try db.execute(
                sql: StoreSchema.dropQueuedUnits,
                arguments: [TimeRange.seconds(now), environment, key?.epic.rawValue, key?.resolution.rawValue])
            return db.changesCount
        }
    }

    /// Runs the `DELETE`s of `targets` with `argument`, counting what they remove.
    private static func delete(
        _ db: Database, _ targets: [(target: String, tally: StoreSchema.ForgetTally?)], _ argument: Int64
    ) throws -> ForgetSummary {
        var summary = ForgetSummary()
        for (target, tally) in targets {
            try db.execute(sql: "DELETE FROM \(target)", arguments: [argument])
            summary.add(Int64(db.changesCount), to: tally)
        }
        return summary
    }
}
