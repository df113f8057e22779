import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@testable import IGCommands

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("ig history export writes where it is told, and refuses to replace a file with nothing")
struct HistoryExportTests {
    /// A store holding 30 MINUTE bars of ``HistoryShowTests/key``; `body` gets the directory and the store's path.
    static func withThirtyBars(_ body: (String, String) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let start = HistoryShowTests.start
            try await store.commit(
                FetchedBars(
                    key: HistoryShowTests.key, rows: HistoryShowTests.rows(30),
                    covered: TimeRange(start: start, end: start + 1_800)))
            await store.close()
            try await body(directory, path)
        }
    }

    static let epic = HistoryShowTests.key.epic.rawValue

    static func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test("a series the store does not hold is refused (64) and the file given keeps what it held")
    func absentSeriesKeepsFile() async throws {
        try await Self.withThirtyBars { directory, path in
            let file = directory + "/bars.csv"
            try Data("kept\n".utf8).write(to: URL(fileURLWithPath: file))
            for (arguments, sentence) in [
                (["CS.D.NOSUCH.IP"], "The store holds no bars of CS.D.NOSUCH.IP at all."),
                ([Self.epic, "-r", "HOUR"], "Give -r MINUTE."),
                ([Self.epic.lowercased()], "Give the epic as \(Self.epic)."),
                ([Self.epic, "--environment", "DEMO"], "Give --environment SIMULATOR."),
            ] {
                let run = await runIGCapturing(["history", "export"] + arguments + ["-o", file, "--store", path])
                #expect(run.exitStatus == 64, "\(arguments)")
                let message = "\(String(describing: run.error))"
                #expect(message.contains("Nothing exported, \(file) left as it was:"), "\(message)")
                #expect(message.contains(sentence), "\(message)")
                #expect(try String(contentsOfFile: file, encoding: .utf8) == "kept\n", "\(arguments)")
            }
            let toConsole = await runIGCapturing(["history", "export", "CS.D.NOSUCH.IP", "--store", path])
            #expect(toConsole.exitStatus == 64)
            #expect(toConsole.output.isEmpty, "no header either: \(toConsole.output)")
            // A range with no bars of a series the store holds is an answer: the header alone.
            let outside = await runIGCapturing([
                "history", "export", Self.epic, "--from", "2026-01-01", "-o", file, "--store", path,
            ])
            #expect(outside.exitStatus == 0)
            #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 1)
            #expect(outside.notes.contains("none in the range asked for."), "\(outside.notes)")
        }
    }

    @Test("a series of ranges IG answered as empty (a weekend) is exported as the header alone, with why")
    func seriesWithoutBars() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            // Saturday 2025-03-08, which IG answers with no bars.
            let saturday: Int64 = 1_741_392_000
            let key = SeriesKey(environment: "SIMULATOR", epic: HistoryShowTests.key.epic, resolution: .hour)
            try await store.commit(
                FetchedBars(key: key, rows: [], covered: TimeRange(start: saturday, end: saturday + 86_400)))
            await store.close()
            let file = directory + "/weekend.csv"
            let run = await runIGCapturing([
                "history", "export", Self.epic, "-r", "HOUR", "-o", file, "--store", path,
            ])
            #expect(run.exitStatus == 0, "\(String(describing: run.error))")
            #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 1)
            #expect(
                run.notes.contains(
                    "IG answered the range it covers, 2025-03-08T00:00:00Z to 2025-03-09T00:00:00Z, as empty"),
                "\(run.notes)")
            #expect(!run.notes.contains("ig history sync"), "a sync would fetch nothing: \(run.notes)")
            let shown = await runIGCapturing(["history", "show", Self.epic, "-r", "HOUR", "--store", path])
            #expect(shown.exitStatus == 0)
            #expect(shown.notes.contains("as empty (a weekend or a closed market)"), "\(shown.notes)")
        }
    }

    @Test("a replaced file keeps its permissions; a symbolic link keeps pointing at the file it names")
    func replacedFileKeepsModeAndLinks() async throws {
        try await Self.withThirtyBars { directory, path in
            let file = directory + "/private.csv"
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
            #expect(chmod(file, 0o600) == 0)
            let run = await runIGCapturing(["history", "export", Self.epic, "-o", file, "--store", path])
            #expect(run.exitStatus == 0, "\(String(describing: run.error))")
            #expect(run.output.contains("30 bars written to \(file)."))
            #expect(Self.mode(file) == 0o600, "mode \(String(Self.mode(file), radix: 8))")
            #expect(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").count == 31)

            let target = directory + "/target.csv"
            let link = directory + "/link.csv"
            try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            let linked = await runIGCapturing([
                "history", "export", Self.epic, "-f", "ndjson", "-o", link, "--store", path,
            ])
            #expect(linked.exitStatus == 0, "\(String(describing: linked.error))")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target, "still a link")
            #expect(try String(contentsOfFile: target, encoding: .utf8).split(separator: "\n").count == 30)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter {
                $0.hasSuffix(".partial")
            }
            #expect(leftovers.isEmpty, "\(leftovers)")
        }
    }

    @Test("a device and a named pipe are written as they are, not replaced by a file; - is standard output")
    func devicesPipesAndDash() async throws {
        try await Self.withThirtyBars { directory, path in
            let null = await runIGCapturing(["history", "export", Self.epic, "-o", "/dev/null", "--store", path])
            #expect(null.exitStatus == 0, "\(String(describing: null.error))")
            var status = stat()
            #expect(stat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR, "still a device")
            #expect(null.notes.contains("30 bars written to /dev/null."), "said on stderr: \(null.notes)")
            #expect(!null.output.contains("written"))

            let pipe = directory + "/pipe"
            #expect(mkfifo(pipe, 0o600) == 0)
            // The reader blocks in open(2) and read(2): it runs on a thread of its own, not the tasks' pool.
            let received = NoteBuffer()
            let done = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                defer { done.signal() }
                let descriptor = open(pipe, O_RDONLY)
                guard descriptor >= 0 else { return }
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                received.append(String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self))
            }
            let piped = await runIGCapturing([
                "history", "export", Self.epic, "-f", "ndjson", "-o", pipe, "--store", path,
            ])
            #expect(piped.exitStatus == 0, "\(String(describing: piped.error))")
            #expect(done.wait(timeout: .now() + 30) == .success)
            let read = received.text
            #expect(read.split(separator: "\n").count == 30, "\(read.prefix(200))")
            #expect(stat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "still a pipe")

            let dash = await runIGCapturing([
                "history", "export", Self.epic, "-f", "ndjson", "-o", "-", "--store", path,
            ])
            #expect(dash.exitStatus == 0)
            #expect(dash.output.split(separator: "\n").count == 30, "\(dash.output.prefix(200))")
            #expect(!FileManager.default.fileExists(atPath: "-"))
        }
    }

    @Test("the store itself, or a link to it, is refused as the output (64) and stays a readable store")
    func storeIsNotOverwritten() async throws {
        try await Self.withThirtyBars { directory, path in
            let link = directory + "/link.sqlite"
            #expect(symlink(path, link) == 0)
            for output in [path, link] {
                let run = await runIGCapturing(["history", "export", Self.epic, "-o", output, "--store", path])
                #expect(run.exitStatus == 64, "\(output)")
                #expect(
                    "\(String(describing: run.error))".contains("is the store itself"),
                    "\(String(describing: run.error))")
            }
            // Opening a store may touch its header, so what is checked is that it is still the SQLite store.
            let header = try Data(contentsOf: URL(fileURLWithPath: path)).prefix(15)
            #expect(header == Data("SQLite format 3".utf8))
            let again = await runIGCapturing(["history", "export", Self.epic, "--store", path])
            #expect(again.output.split(separator: "\n").count == 31, "still a store of 30 bars")
        }
    }

    @Test("an output that cannot be written is exit status 73 and says why; a missing file is not said to be kept")
    func unwritableOutput() async throws {
        try await Self.withThirtyBars { directory, path in
            let missingFolder = directory + "/no-such-folder/bars.csv"
            let run = await runIGCapturing(["history", "export", Self.epic, "-o", missingFolder, "--store", path])
            #expect(run.exitStatus == 73)
            #expect("\(String(describing: run.error))".contains("Check that its folder exists"))
            #if os(Linux)
                let full = await runIGCapturing(["history", "export", Self.epic, "-o", "/dev/full", "--store", path])
                #expect(full.exitStatus == 73, "\(String(describing: full.error))")
                let descriptor = open("/dev/full", O_WRONLY)
                defer { close(descriptor) }
                #expect(StandardStream.writeAll("bars\n", to: descriptor) == ENOSPC, "standard output on a full disk")
            #endif
            let absent = directory + "/absent.csv"
            let refused = await runIGCapturing(["history", "export", "CS.D.NOSUCH.IP", "-o", absent, "--store", path])
            #expect(refused.exitStatus == 64)
            #expect(!"\(String(describing: refused.error))".contains("left as it was"))
            #expect(!FileManager.default.fileExists(atPath: absent))
        }
    }

    @Test("a dangling link gets its target created and stays a link")
    func danglingLink() async throws {
        try await Self.withThirtyBars { directory, path in
            let link = directory + "/latest.csv"
            #expect(symlink("bars-v1.csv", link) == 0)
            let run = await runIGCapturing(["history", "export", Self.epic, "-o", link, "--store", path])
            #expect(run.exitStatus == 0, "\(String(describing: run.error))")
            var status = stat()
            #expect(lstat(link, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK, "still a link")
            let lines = try String(contentsOfFile: directory + "/bars-v1.csv", encoding: .utf8).split(separator: "\n")
            #expect(lines.count == 31)
        }
    }

    @Test("a path that is standard output or standard error is written through that stream, not replaced")
    func standardStreamsKeepTheShellsRedirection() async throws {
        try await withTemporaryDirectory { directory in
            // As a shell's `>> file` leaves it: opened for appending, with what it held.
            let file = directory + "/redirected.txt"
            try Data("first\n".utf8).write(to: URL(fileURLWithPath: file))
            let descriptor = open(file, O_WRONLY | O_APPEND)
            #expect(descriptor >= 0)
            defer { close(descriptor) }
            #if os(Linux)
                let asOutput = try ExportDestination(
                    path: "/proc/self/fd/\(descriptor)", streams: (output: descriptor, error: -1))
                #expect(asOutput.mode == .console, "written through the console, as -")
                asOutput.abandon()
            #endif
            let asError = try ExportDestination(path: file, streams: (output: -1, error: descriptor))
            #expect(asError.mode == .direct)
            try asError.write(Array("second\n".utf8))
            try asError.finish()
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "first\nsecond\n", "appended, not replaced")
        }
    }
}
