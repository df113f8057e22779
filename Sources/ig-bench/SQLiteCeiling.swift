import Foundation
import GRDBSQLite
import IGMarketData
import IGModels

/// SQLite's own insert rate for the ingest's bars, with nothing of swift-ig or Swift's `Decimal` in the timed loop:
/// about the most any program writes through SQLite with one row per bar, which bounds the ingest's ratio to pandas.
///
/// The bars are encoded as the store encodes them (``BarCodec``) before the clock starts. The timed loop is SQLite's
/// C API only: 64-row `INSERT` statements, one transaction per 100,000 bars, WAL journaling with
/// `synchronous = NORMAL` and no checkpoint (the bars are durable in the log when the last commit returns). The
/// store's figure also waits for the log to be copied into the file, on a thread of its own, so the two are not
/// like for like, and on a noisy host either may come out ahead in a run.
struct SQLiteCeiling {
    /// A table the bars are written into.
    enum Table: CaseIterable {
        /// The store's `bars`: keyed by (series, time), `WITHOUT ROWID`.
        case store
        /// A table without a key, as `DataFrame.to_sql(index=False)` creates: rows appended by rowid.
        case keyless

        var createStatement: String {
            let values = BarCodec.valueColumns.map { "\($0) INTEGER" }.joined(separator: ", ")
            switch self {
            case .store:
                return """
                    CREATE TABLE bars (series_id INTEGER NOT NULL, time INTEGER NOT NULL, scale INTEGER NOT NULL, \
                    \(values), PRIMARY KEY (series_id, time)) WITHOUT ROWID
                    """
            case .keyless:
                return "CREATE TABLE bars (series_id INTEGER, time INTEGER, scale INTEGER, \(values))"
            }
        }

        /// The store writes `OR REPLACE` (a bar fetched again replaces the stored one); the keyless table appends.
        var insert: String { self == .store ? "INSERT OR REPLACE INTO bars VALUES " : "INSERT INTO bars VALUES " }
    }

    /// A failed SQLite call.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Rows per `INSERT` statement, as the store binds them.
    static let rowsPerStatement = 64
    /// Bars per transaction, as the ingest commits them.
    static let rowsPerTransaction = 100_000

    /// The rows' columns: series, time, scale and the thirteen values (`nil` is NULL).
    let rows: [[Int64?]]

    init(_ bars: [PriceTable.Row]) throws {
        var values: [Int64?] = []
        rows = try bars.map { bar in
            let (time, scale) = try BarCodec.encode(bar, into: &values)
            return [1, time, Int64(scale)] + values
        }
    }

    /// Bars per second of writing every row into a new file at `path` shaped as `table`.
    func rate(into table: Table, path: String) throws -> Double {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        var connection: OpaquePointer?
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK,
            let connection
        else { throw Failure(description: "cannot create \(path)") }
        defer { sqlite3_close_v2(connection) }
        func execute(_ sql: String) throws {
            guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else {
                throw Failure(description: "\(sql): \(String(cString: sqlite3_errmsg(connection)))")
            }
        }
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA wal_autocheckpoint = 0")
        try execute(table.createStatement)
        let columns = rows.first?.count ?? 16
        let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        func prepare(_ count: Int) throws -> OpaquePointer {
            let sql = table.insert + Array(repeating: tuple, count: count).joined(separator: ", ")
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
                throw Failure(description: "prepare: \(String(cString: sqlite3_errmsg(connection)))")
            }
            return statement
        }
        let many = try prepare(Self.rowsPerStatement)
        let one = try prepare(1)
        defer {
            sqlite3_finalize(many)
            sqlite3_finalize(one)
        }
        let clock = ContinuousClock()
        let started = clock.now
        var index = 0
        while index < rows.count {
            let end = min(rows.count, index + Self.rowsPerTransaction)
            try execute("BEGIN IMMEDIATE")
            while index < end {
                let count = end - index >= Self.rowsPerStatement ? Self.rowsPerStatement : 1
                let statement = count == 1 ? one : many
                sqlite3_reset(statement)
                for offset in 0..<count {
                    for (column, value) in rows[index + offset].enumerated() {
                        let parameter = Int32(offset * columns + column + 1)
                        if let value {
                            sqlite3_bind_int64(statement, parameter, value)
                        } else {
                            sqlite3_bind_null(statement, parameter)
                        }
                    }
                }
                guard sqlite3_step(statement) == SQLITE_DONE else {
                    throw Failure(description: "insert: \(String(cString: sqlite3_errmsg(connection)))")
                }
                index += count
            }
            try execute("COMMIT")
        }
        let elapsed = clock.now - started
        let (whole, attoseconds) = elapsed.components
        return Double(rows.count) / (Double(whole) + Double(attoseconds) / 1e18)
    }
}
