import GRDB

// Forgetting a series or an environment: one write transaction, so a commit (which looks its series up and writes
// its bars in one transaction of its own) sees the series whole or not at all.
extension SQLiteBackend {
    func forget(_ key: SeriesKey) async throws -> ForgetSummary {
        try await pool.write { db in
            guard let series = try seriesID(db, key, create: false) else { return ForgetSummary() }
            let bars = try Self.delete(db, "DELETE FROM bars WHERE series_id = ?", series)
            try Self.delete(db, "DELETE FROM coverage WHERE series_id = ?", series)
            try Self.delete(db, "DELETE FROM work_units WHERE series_id = ?", series)
            try Self.delete(db, "DELETE FROM series WHERE id = ?", series)
            return ForgetSummary(series: 1, bars: bars)
        }
    }

    func forget(environment: String) async throws -> ForgetSummary {
        try await pool.write { db in
            guard let id = try environmentID(db, environment, create: false) else { return ForgetSummary() }
            let ofSeries = "series_id IN (SELECT id FROM series WHERE environment_id = ?)"
            var summary = ForgetSummary()
            summary.bars = try Self.delete(db, "DELETE FROM bars WHERE \(ofSeries)", id)
            try Self.delete(db, "DELETE FROM coverage WHERE \(ofSeries)", id)
            try Self.delete(db, "DELETE FROM work_units WHERE \(ofSeries)", id)
            summary.series = Int(try Self.delete(db, "DELETE FROM series WHERE environment_id = ?", id))
            for table in StoreSchema.recordingTables {
                summary.recordedRows += try Self.delete(db, "DELETE FROM \(table) WHERE environment_id = ?", id)
            }
            summary.ledgerEntries = try Self.delete(db, "DELETE FROM requests WHERE environment_id = ?", id)
            try Self.delete(db, "DELETE FROM markets WHERE environment_id = ?", id)
            try Self.delete(db, "DELETE FROM environments WHERE id = ?", id)
            return summary
        }
    }

    /// Runs a `DELETE` with one argument; returns the rows it removed.
    @discardableResult
    private static func delete(_ db: Database, _ sql: String, _ argument: Int64) throws -> Int64 {
        try db.execute(sql: sql, arguments: [argument])
        return Int64(db.changesCount)
    }
}
