/// The store's schema, one text for both engines with small dialect differences, and its versioned migrations.
///
/// Tables (times are whole seconds since 1970, UTC; prices are integers at the row's `scale`):
/// - `store_meta(key, value)`: `application` = `swift-ig market-data`, `schema_version`.
/// - `environments(id, name)`: `DEMO`, `LIVE` or a server URL.
/// - `series(id, environment_id, epic, resolution, instrument_type, updated_at)`.
/// - `bars(series_id, time, scale, bid_open … ask_close, last_open … last_close, volume)`: value = column / 10^scale.
/// - `coverage(series_id, start_time, end_time)`: fetched ranges `[start_time, end_time)` of bar starts, including
///   ranges IG answered as empty.
/// - `requests(…)`: the allowance ledger, one row per price request.
/// - `markets(environment_id, epic, name, instrument_type, scaling_factor, details, updated_at)`.
/// - `work_units(id, series_id, start_time, end_time, points, priority, state, worker, claim_expires)`: `state` is
///   `pending`, `claimed`, `done` or `failed` (IG refused the unit; queued again when a plan asks for it).
///
/// Version 2 adds what the stream recorder writes (times in milliseconds since 1970, UTC):
/// - `ticks(environment_id, epic, time_ms, seq, scale, bid, offer, last, last_volume, total_volume)`: one row per
///   distinct tick, value = column / 10^scale; `seq` orders distinct ticks of the same millisecond.
/// - `recorded_spans(environment_id, epic, stream, start_ms, end_ms)`: intervals recorded without loss.
/// - `recorded_gaps(environment_id, epic, stream, start_ms, end_ms, reason, recorded_at)`: intervals in which
///   updates may have been lost. Completed candles go into `bars` and `coverage` like fetched ones.
///
/// Version 3 adds the recorder's optional streams:
/// - `price_updates(environment_id, epic, time_ms, seq, scale, bid, ask, bid_size, ask_size, high, low, mid_open,
///   net_change, dealing_flag)`: PRICE updates at IG's `TIMESTAMP`, value = column / 10^scale.
/// - `account_updates(environment_id, item, time_ms, seq, update)`: the ACCOUNT / TRADE audit trail, each event's
///   fields as IG sent them (a JSON object), at the time received.
///
/// Version 4 drops the foreign key from `bars` to `series`: PostgreSQL checked it with one query per inserted row,
/// most of the cost of a `COPY`. `series_id` still names a row of `series`: the store writes bars only in the
/// transaction that looked the series up or created it and locked it (`FOR UPDATE` on PostgreSQL; SQLite has one
/// writer), and deletes a series (``MarketDataStore/forget(_:)``) only with its bars, in one transaction that locks
/// it first: a commit that finds its series gone looks it up again.
///
/// Version 5 adds `series.bar_count`, the bars stored for the series, kept by every commit in the transaction that
/// writes them: `ig history status` and the planner read it instead of counting the bars, which took 2-14 s (SQLite)
/// and more than 30 s (PostgreSQL) on a store of 37 million bars. The migration counts each series once.
enum StoreSchema {
    /// The application name in `store_meta`; a database without it is not a store.
    static let application = "swift-ig market-data"
    /// SQLite's `application_id` header field of a store file ('IGMD').
    static let sqliteApplicationID: Int32 = 0x4947_4D44
    /// The newest schema version this build writes and reads.
    static let currentVersion = 5

    /// The tables of recordings, each keyed by `environment_id` (what forgetting an environment empties besides its
    /// series, ledger and markets).
    static let recordingTables = ["ticks", "price_updates", "account_updates", "recorded_spans", "recorded_gaps"]

    enum Dialect {
        case sqlite
        case postgres
    }

    /// The statements that bring a database from `version - 1` to `version`.
    static func migration(to version: Int, _ dialect: Dialect) -> [String] {
        let id = dialect == .sqlite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        let blob = dialect == .sqlite ? "BLOB" : "BYTEA"
        let withoutRowID = dialect == .sqlite ? " WITHOUT ROWID" : ""
        let values = BarCodec.valueColumns.map { "\($0) BIGINT" }.joined(separator: ", ")
        switch version {
        case 1:
            return [
                "CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                "CREATE TABLE environments (id \(id), name TEXT NOT NULL UNIQUE)",
                """
                CREATE TABLE series (id \(id), environment_id BIGINT NOT NULL REFERENCES environments(id),
                epic TEXT NOT NULL, resolution TEXT NOT NULL, instrument_type TEXT, updated_at BIGINT,
                UNIQUE (environment_id, epic, resolution))
                """,
                """
                CREATE TABLE bars (series_id BIGINT NOT NULL REFERENCES series(id), time BIGINT NOT NULL,
                scale SMALLINT NOT NULL, \(values), PRIMARY KEY (series_id, time))\(withoutRowID)
                """,
                """
                CREATE TABLE coverage (series_id BIGINT NOT NULL REFERENCES series(id), start_time BIGINT NOT NULL,
                end_time BIGINT NOT NULL, PRIMARY KEY (series_id, start_time))\(withoutRowID)
                """,
                """
                CREATE TABLE requests (id \(id), environment_id BIGINT NOT NULL REFERENCES environments(id),
                account TEXT NOT NULL, epic TEXT NOT NULL, resolution TEXT NOT NULL, range_start BIGINT NOT NULL,
                range_end BIGINT NOT NULL, points INTEGER NOT NULL, remaining INTEGER, total INTEGER,
                resets_at BIGINT, at BIGINT NOT NULL)
                """,
                "CREATE INDEX requests_by_time ON requests (environment_id, at)",
                """
                CREATE TABLE markets (environment_id BIGINT NOT NULL REFERENCES environments(id), epic TEXT NOT NULL,
                name TEXT, instrument_type TEXT, scaling_factor TEXT, details \(blob) NOT NULL,
                updated_at BIGINT NOT NULL, PRIMARY KEY (environment_id, epic))
                """,
                """
                CREATE TABLE work_units (id \(id), series_id BIGINT NOT NULL REFERENCES series(id),
                start_time BIGINT NOT NULL, end_time BIGINT NOT NULL, points INTEGER NOT NULL,
                priority BIGINT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', worker TEXT, claim_expires BIGINT,
                UNIQUE (series_id, start_time, end_time))
                """,
                "CREATE INDEX work_units_pending ON work_units (state, priority)",
                "INSERT INTO store_meta (key, value) VALUES ('application', '\(application)')",
                "INSERT INTO store_meta (key, value) VALUES ('schema_version', '1')",
            ]
        case 2:
            return [
                """
                CREATE TABLE ticks (environment_id BIGINT NOT NULL REFERENCES environments(id), epic TEXT NOT NULL,
                time_ms BIGINT NOT NULL, seq INTEGER NOT NULL, scale SMALLINT NOT NULL, bid BIGINT, offer BIGINT,
                last BIGINT, last_volume BIGINT, total_volume BIGINT,
                PRIMARY KEY (environment_id, epic, time_ms, seq))\(withoutRowID)
                """,
                """
                CREATE TABLE recorded_spans (environment_id BIGINT NOT NULL REFERENCES environments(id),
                epic TEXT NOT NULL, stream TEXT NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,
                PRIMARY KEY (environment_id, epic, stream, start_ms))\(withoutRowID)
                """,
                """
                CREATE TABLE recorded_gaps (environment_id BIGINT NOT NULL REFERENCES environments(id),
                epic TEXT NOT NULL, stream TEXT NOT NULL, start_ms BIGINT NOT NULL, end_ms BIGINT NOT NULL,
                reason TEXT NOT NULL, recorded_at BIGINT NOT NULL,
                PRIMARY KEY (environment_id, epic, stream, start_ms))\(withoutRowID)
                """,
            ]
        case 3:
            let prices = PriceUpdateCodec.valueColumns.map { "\($0) BIGINT" }.joined(separator: ", ")
            return [
                """
                CREATE TABLE price_updates (environment_id BIGINT NOT NULL REFERENCES environments(id),
                epic TEXT NOT NULL, time_ms BIGINT NOT NULL, seq INTEGER NOT NULL, scale SMALLINT NOT NULL, \(prices),
                dealing_flag TEXT, PRIMARY KEY (environment_id, epic, time_ms, seq))\(withoutRowID)
                """,
                """
                CREATE TABLE account_updates (environment_id BIGINT NOT NULL REFERENCES environments(id),
                item TEXT NOT NULL, time_ms BIGINT NOT NULL, seq INTEGER NOT NULL, update_json TEXT NOT NULL,
                PRIMARY KEY (environment_id, item, time_ms, seq))\(withoutRowID)
                """,
            ]
        case 4:
            switch dialect {
            case .postgres:
                // `bars_series_id_fkey` is the name PostgreSQL gave the column's REFERENCES clause of version 1.
                return ["ALTER TABLE bars DROP CONSTRAINT IF EXISTS bars_series_id_fkey"]
            case .sqlite:
                // SQLite cannot drop a constraint: the table is rebuilt without it, rows unchanged.
                let columns = (["series_id", "time", "scale"] + BarCodec.valueColumns).joined(separator: ", ")
                return [
                    """
                    CREATE TABLE bars_v4 (series_id BIGINT NOT NULL, time BIGINT NOT NULL, scale SMALLINT NOT NULL,
                    \(values), PRIMARY KEY (series_id, time)) WITHOUT ROWID
                    """,
                    "INSERT INTO bars_v4 (\(columns)) SELECT \(columns) FROM bars",
                    "DROP TABLE bars",
                    "ALTER TABLE bars_v4 RENAME TO bars",
                ]
            }
        case 5:
            return [
                "ALTER TABLE series ADD COLUMN bar_count BIGINT NOT NULL DEFAULT 0",
                "UPDATE series SET bar_count = (SELECT count(*) FROM bars WHERE bars.series_id = series.id)",
            ]
        default:
            return []
        }
    }
}
