import Foundation
import IGSimulatorTesting
import Testing

/// A store named by a one-character path in the current folder (`--store s`, `--from=0`): Foundation's
/// `NSString.deletingLastPathComponent` trapped on such a path, so `ig` ended with "Illegal instruction" before it
/// created, read or refused the store. Found by `Fuzz/arguments.py` (`ig history copy --from=0`). Runs `ig` as a
/// process in a folder of its own, since the path is relative.
@Suite(
    "a store at a one-character path", .enabled(if: igExecutable != nil, "the ig executable is not built"),
    .timeLimit(.minutes(2)))
struct ShortStorePathTests {
    /// Runs `ig ARGUMENTS…` in `directory` and returns its exit status and standard error.
    static func run(_ arguments: [String], in directory: String) throws -> (status: Int32, error: String) {
        let executable: URL = try #require(igExecutable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = directory
        environment["IG_STORE"] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = directory + "/ig.err"
        #expect(FileManager.default.createFile(atPath: errors, contents: nil))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }

    @Test("a new store at s is created and filled; a file 0 that is no store is refused (74), not a trap")
    func oneCharacter() async throws {
        try await withTemporaryDirectory { directory in
            let created = try Self.run(["prices", "CS.D.EURUSD.TODAY.IP", "--max", "3", "--store", "s"], in: directory)
            #expect(created.status == 0, "\(created.error)")
            #expect(created.error.contains("Creating a new store at s"), "\(created.error)")
            #expect(FileManager.default.fileExists(atPath: directory + "/s"))
            // The same bars again come from the store at s.
            let again = try Self.run(["prices", "CS.D.EURUSD.TODAY.IP", "--max", "3", "--store", "s"], in: directory)
            #expect(again.status == 0, "\(again.error)")
            #expect(!again.error.contains("Creating"), "\(again.error)")
            try Data("<svg/>".utf8).write(to: URL(fileURLWithPath: directory + "/0"))
            let refused = try Self.run(["history", "copy", "--from=0", "--to", "s"], in: directory)
            #expect(refused.status == 74, "\(refused.error)")
            #expect(refused.error.contains("0 is not an SQLite database"), "\(refused.error)")
            #expect(try String(contentsOfFile: directory + "/0", encoding: .utf8) == "<svg/>")
        }
    }
}
