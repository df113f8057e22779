extension StoreSchema {
    /// Which count of a ``ForgetSummary`` a `DELETE` adds to.
    enum ForgetTally {
        case series, bars, recordedRows, ledgerEntries
    }

    /// What forgetting a series deletes, in foreign-key order: a table and a condition on one argument (`?`, the
    /// series id), and the count it adds to.
    static let forgetSeries: [(target: String, tally: ForgetTally?)] = [
        ("bars WHERE series_id = ?", .bars), ("coverage WHERE series_id = ?", nil),
        ("work_units WHERE series_id = ?", nil), ("series WHERE id = ?", .series),
    ]

    /// What forgetting an environment deletes, in foreign-key order (`?` is the environment id).
    static let forgetEnvironment: [(target: String, tally: ForgetTally?)] = {
        let ofSeries = "series_id IN (SELECT id FROM series WHERE environment_id = ?)"
        return [
            ("bars WHERE \(ofSeries)", .bars), ("coverage WHERE \(ofSeries)", nil),
            ("work_units WHERE \(ofSeries)", nil), ("series WHERE environment_id = ?", .series),
        ]
            + recordingTables.map { ("\($0) WHERE environment_id = ?", .recordedRows) }
            + [
                ("requests WHERE environment_id = ?", .ledgerEntries), ("markets WHERE environment_id = ?", nil),
                ("environments WHERE id = ?", nil),
            ]
    }()
}

extension StoreSchema {
    /// The `DELETE` of ``MarketDataStore/dropQueued(environment:key:now:)``: units waiting, refused, or claimed by
    /// a worker whose claim ran out, of an environment's series (all, or the one epic and resolution given). Numbered
    /// parameters, `?1` to `?4` (PostgreSQL's `$1` to `$4` once `?` is replaced): now in seconds, the environment's
    /// name, the epic or NULL, the resolution or NULL.
    static let dropQueuedUnits = """
        DELETE FROM work_units WHERE (state IN ('pending', 'failed') OR (state = 'claimed' AND claim_expires < ?1))
        AND series_id IN (SELECT s.id FROM series s JOIN environments e ON e.id = s.environment_id
        WHERE e.name = ?2 AND (CAST(?3 AS TEXT) IS NULL OR (s.epic = ?3 AND s.resolution = ?4)))
        """
}

extension ForgetSummary {
    /// Adds `count` deleted rows to the count `tally` names.
    mutating func add(_ count: Int64, to tally: StoreSchema.ForgetTally?) {
        switch tally {
        case .series: series += Int(count)
        case .bars: bars += count
        case .recordedRows: recordedRows += count
        case .ledgerEntries: ledgerEntries += count
        case nil: break
        }
    }
}
