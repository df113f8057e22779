import Foundation
import IGMarketData
import IGSimulatorTesting

/// A pristine store with a row in every table, made once per process in a temporary directory, and the copy each
/// input changes.
final class StoreHarness {
    nonisolated(unsafe) static let shared = StoreHarness()

    private let pristineBytes: Data
    private let path: String
    private let columns: [(table: String, column: String, type: String)]
    private let tables: [String]

    /// Where the stores live; removed when the process exits.
    static let directory = NSTemporaryDirectory() + "swift-ig-fuzz-store-" + UUID().uuidString

    private init() {
        let directory = Self.directory
        atexit { try? FileManager.default.removeItem(atPath: StoreHarness.directory) }
        let pristine = directory + "/pristine.sqlite"
        path = directory + "/store.sqlite"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let location = StoreLocation.sqlite(path: pristine)
            try Self.wait { try await StoreExercise.fill(location) }.get()
            columns = try StoreExercise.columns(sqlitePath: pristine)
            pristineBytes = try Data(contentsOf: URL(fileURLWithPath: pristine))
        } catch {
            fatalError("the harness could not make its pristine store: \(error)")
        }
        tables = columns.map(\.table).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    func run(_ changes: [StoreChange]) {
        let manager = FileManager.default
        for suffix in ["", "-wal", "-shm"] { try? manager.removeItem(atPath: path + suffix) }
        // libFuzzer's timer signal can interrupt a system call (EINTR), which Foundation does not retry.
        guard (0..<10).contains(where: { _ in manager.createFile(atPath: path, contents: pristineBytes) }) else {
            fatalError("the harness could not copy its pristine store to \(path)")
        }
        var statements: [String] = []
        var damage: [(offset: Int, byte: UInt8)] = []
        for change in changes {
            switch change {
            case .set(let index, let value):
                let (table, column, _) = columns[index % columns.count]
                statements.append(
                    "UPDATE \(table) SET \(column) = " + (value.hasPrefix("+") ? "\(column) \(value)" : value))
            case .empty(let index):
                statements.append("DELETE FROM \(tables[index % tables.count])")
            case .damage(let offset, let byte):
                damage.append((offset, byte))
            }
        }
        if !statements.isEmpty { _ = try? StoreExercise.change(sqlitePath: path, statements) }
        if !damage.isEmpty, let file = FileHandle(forUpdatingAtPath: path) {
            let size = Int((try? file.seekToEnd()) ?? 0)
            for (offset, byte) in damage where size > 0 {
                try? file.seek(toOffset: UInt64(offset % size))
                try? file.write(contentsOf: [byte])
            }
            try? file.close()
        }
        let location = StoreLocation.sqlite(path: path)
        let codes = try? Self.wait { await StoreExercise.exercise(location) }.get()
        // The store's API throws only `StoreError`: anything else would be a finding too.
        if let untyped = codes?.first(where: { $0.rawValue.hasPrefix("untyped") }) {
            fatalError("an error that is not a StoreError: \(untyped.rawValue)")
        }
    }

    /// Runs `body` on the concurrency pool and waits for it: libFuzzer calls the entry point synchronously.
    private static func wait<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let semaphore = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            semaphore.signal()
        }
        semaphore.wait()
        guard let result = box.result else { fatalError("the harness's task ended without a result") }
        return result
    }
}

/// Carries a task's result to the thread waiting for it (written before the semaphore is signalled, read after).
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
