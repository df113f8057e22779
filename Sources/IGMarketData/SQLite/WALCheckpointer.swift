import Dispatch
import GRDBSQLite
import Synchronization

/// Moves committed pages from the store's write-ahead log into the database file on a thread of its own, so a
/// writer does not wait for it.
///
/// SQLite checkpoints the WAL in the committing thread by default, whenever a commit leaves 1,000 pages or more in
/// it: a quarter or more of a bulk ingest's time. The store's writer connection hands that to this checkpointer
/// instead (its WAL hook calls ``committed(framesInLog:)``), which runs the same passive checkpoint on its own
/// connection and serial queue, while the writer goes on. A passive checkpoint never blocks readers or the writer,
/// and the writer still restarts the log once everything in it has been copied, as it would after its own
/// checkpoint.
///
/// Nothing depends on a checkpoint for safety: a committed page stays in the log, where every reader (and the next
/// process to open the file) finds it, until a checkpoint has copied it. When one cannot run (another process
/// checkpoints, a reader holds old pages), the next commit asks again.
final class WALCheckpointer: Sendable {
    /// The pages left in the log after a commit that start a checkpoint: SQLite's own default.
    static let threshold: Int32 = 1000
    /// The pages after a commit at which the writer waits for a checkpoint: writing commit after commit, it never
    /// finds the log fully copied when it starts the next one, so the log would only grow. Waiting lets it start
    /// the log over; at 4 KiB pages this bounds the log at some 16 MB plus one commit.
    static let ceiling: Int32 = 4096
    /// The size the writer trims a larger log back to when it starts it over (`PRAGMA journal_size_limit`).
    static let retainedLogBytes = Int(ceiling) * 4096

    private let path: String
    private let queue = DispatchQueue(label: "IGMarketData.checkpoint", qos: .utility)
    /// Set from a request until its checkpoint starts: requests meanwhile are folded into it.
    private let requested = Atomic<Bool>(false)
    /// The checkpointing connection, opened on first use; touched only on `queue`.
    private nonisolated(unsafe) var connection: OpaquePointer?
    private nonisolated(unsafe) var closed = false

    init(path: String) {
        self.path = path
    }

    /// Installs the checkpointer as `connection`'s WAL hook, replacing SQLite's automatic checkpoint. The
    /// checkpointer must outlive the connection's writes.
    func install(on connection: OpaquePointer) {
        let hook: @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32 = {
            context, _, _, frames in
            if let context {
                Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().committed(framesInLog: frames)
            }
            return SQLITE_OK
        }
        sqlite3_wal_hook(connection, hook, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Called after each commit with the pages now in the log: asks for a checkpoint at ``threshold`` or more, and
    /// at ``ceiling`` or more waits for one.
    func committed(framesInLog frames: Int32) {
        if frames >= Self.ceiling {
            // The commit's write lock is released by now, so the checkpoint can copy every page.
            queue.sync { self.checkpoint() }
            return
        }
        guard frames >= Self.threshold, !requested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        queue.async { self.checkpoint() }
    }

    /// Waits for the checkpoints asked for so far, then runs one more: when it returns, everything committed before
    /// the call is in the database file unless a reader still needs older pages or another process holds the
    /// checkpoint.
    func settle() async {
        await onQueue { self.checkpoint() }
    }

    /// Closes the store's connections and then its own, last: the last connection to close folds the log into the
    /// database file and removes it, so a closed store is one file again (unless another process still has it open,
    /// which then keeps the log). `closeOthers` closes the store's pool. GRDB closes the pool's writer before its
    /// readers, and a read-only reader cannot checkpoint, so without this the log and its index stayed beside the
    /// file, holding every commit since the last checkpoint: a copy of the file alone missed them.
    /// Later checkpoint requests are ignored.
    func close(after closeOthers: () -> Void) async {
        // Opened before the others close, so that it is the last connection and need not read the log again.
        await onQueue { self.open() }
        // Not on `queue`: a writer at the ceiling waits for `queue` while it holds the pool.
        closeOthers()
        await onQueue {
            self.closed = true
            if let connection = self.connection { sqlite3_close_v2(connection) }
            self.connection = nil
        }
    }

    /// Runs `work` on the checkpointer's queue, after what is queued there, and waits for it.
    private func onQueue(_ work: @escaping @Sendable () -> Void) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async {
                work()
                continuation.resume()
            }
        }
    }

    deinit {
        // Pending work holds the checkpointer, so nothing runs on `queue` any more.
        if let connection { sqlite3_close_v2(connection) }
    }

    private func checkpoint() {
        requested.store(false, ordering: .releasing)
        guard !closed, open() else { return }
        // A busy or failed checkpoint loses nothing (see the type's documentation): its result is not needed.
        _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    /// Opens the checkpointing connection unless it is open; returns whether it is. Runs on `queue`.
    @discardableResult
    private func open() -> Bool {
        if connection != nil { return true }
        var opened: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        // A connection finds the file in WAL mode, and can checkpoint it, only once it has read from it.
        guard sqlite3_open_v2(path, &opened, flags, nil) == SQLITE_OK,
            sqlite3_busy_timeout(opened, 1000) == SQLITE_OK,
            sqlite3_exec(opened, "SELECT count(*) FROM sqlite_master", nil, nil, nil) == SQLITE_OK
        else {
            sqlite3_close_v2(opened)
            return false
        }
        connection = opened
        return true
    }
}
