import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@testable import IGCommands

/// A store filled by one user (a recorder running as a service, say) and read by another, who may write neither the
/// file nor its folder: the reading commands read it and leave no file behind, a writing command says what it
/// cannot write. Runs `ig` as a process: as `nobody` when the tests run as root (who may write anything), else as
/// this user after the file and its folder were made read-only.
@Suite(
    "a store the user may only read", .enabled(if: igExecutable != nil, "the ig executable is not built"),
    .timeLimit(.minutes(2)))
struct ReadOnlyStoreTests {
    /// Runs `ig ARGUMENTS…` as the reader and returns its exit status, standard output and standard error.
    static func runAsReader(_ arguments: [String], directory: String) async throws -> (Int32, String, String) {
        let executable = try #require(igExecutable).path
        let (program, prefix) =
            getuid() == 0
            ? ("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", executable])
            : (executable, [])
        let run = try ChildProcess(
            executable: program, arguments: prefix + arguments, standardOutput: directory + "/reader.out",
            standardError: directory + "/reader.err")
        let status = try await run.exit()
        let output = (try? String(contentsOfFile: directory + "/reader.out", encoding: .utf8)) ?? ""
        let error = (try? String(contentsOfFile: directory + "/reader.err", encoding: .utf8)) ?? ""
        return (status, output, error)
    }

    @Test("read while its writer has it open, nothing created; a write is told the file is read-only")
    func readerReadsAndWriterIsTold() async throws {
        try await withTemporaryDirectory { directory in
            let shared = directory + "/shared"
            try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
            let path = shared + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let key = HistoryShowTests.key
            try await store.commit(
                FetchedBars(
                    key: key, rows: HistoryShowTests.rows(30),
                    covered: TimeRange(start: HistoryShowTests.start, end: HistoryShowTests.start + 1_800)))
            await store.close()
            let root = getuid() == 0
            // The temporary folder is the tests' own (0700): the reader must be able to pass through it.
            chmod(directory, 0o777)
            func readOnly() {
                chmod(shared, root ? 0o755 : 0o555)
                chmod(path, root ? 0o644 : 0o444)
            }
            func writable() {
                chmod(shared, 0o755)
                chmod(path, 0o644)
            }
            readOnly()
            defer { writable() }
            let epic = key.epic.rawValue

            // At rest (no -wal or -shm beside it, none can be created), SQLite cannot read it read-only.
            let atRest = try await Self.runAsReader(["history", "status", "--store", path], directory: directory)
            #expect(atRest.0 == 64, "\(atRest.2)")
            #expect(atRest.2.contains("cannot be read by this user while no writer has it open"), "\(atRest.2)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: shared) == ["store.sqlite"])

            // Its writer (a recorder, say) has it open: the reader reads.
            writable()
            let writer = try await MarketDataStore.open(.sqlite(path: path))
            await writer.settle()
            readOnly()
            let files = try FileManager.default.contentsOfDirectory(atPath: shared).sorted()
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            let status = try await Self.runAsReader(["history", "status", "--store", path], directory: directory)
            #expect(status.0 == 0, "\(status.2)")
            #expect(status.1.contains(epic), "\(status.1)")
            let shown = try await Self.runAsReader(["history", "show", epic, "--store", path], directory: directory)
            #expect(shown.0 == 0, "\(shown.2)")
            #expect(shown.1.contains("30 stored bars of \(epic) MINUTE (SIMULATOR)."), "\(shown.1)")
            let exported = try await Self.runAsReader(
                ["history", "export", epic, "-f", "ndjson", "--store", path], directory: directory)
            #expect(exported.0 == 0, "\(exported.2)")
            #expect(exported.1.split(separator: "\n").count == 30, "\(exported.1)")

            let written = try await Self.runAsReader(
                ["history", "forget", epic, "--environment", "SIMULATOR", "--yes", "--store", path],
                directory: directory)
            #expect(written.0 == 64, "\(written.2)")
            #expect(written.2.contains("\(path) is read-only for this user"), "\(written.2)")
            #expect(written.2.contains("Reading commands (ig history status, show, export) still work."))

            #expect(try FileManager.default.contentsOfDirectory(atPath: shared).sorted() == files)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes, "a reader changed the store")
            writable()
            await writer.close()
            #expect(try FileManager.default.contentsOfDirectory(atPath: shared) == ["store.sqlite"])
        }
    }

    @Test("a reading command on a store this user may write leaves it one file, as a writing command does")
    func readingLeavesOneFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            try await store.commit(
                FetchedBars(
                    key: HistoryShowTests.key, rows: HistoryShowTests.rows(30),
                    covered: TimeRange(start: HistoryShowTests.start, end: HistoryShowTests.start + 1_800)))
            await store.close()
            let epic = HistoryShowTests.key.epic.rawValue
            for arguments in [
                ["history", "status"], ["history", "show", epic], ["history", "export", epic, "-f", "csv"],
            ] {
                let run = await runIGCapturing(arguments + ["--store", path])
                #expect(run.exitStatus == 0, "\(arguments): \(String(describing: run.error))")
                #expect(
                    try FileManager.default.contentsOfDirectory(atPath: directory) == ["store.sqlite"], "\(arguments)")
            }
        }
    }
}
