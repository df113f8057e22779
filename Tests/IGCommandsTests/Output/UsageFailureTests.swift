import ArgumentParser
import Foundation
import Testing

@testable import IGCommands

@Suite("A usage error found while running names the command that was run")
struct UsageFailureTests {
    @Test("a bad targets file, read by run(), gets ig history sync's usage line and status 64")
    func targetsFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let targets = directory.appendingPathComponent("targets.txt")
        try "CS.D.EURUSD.CFD.IP HOUR 2026-11-20 2026-11-21\nbad line\n".write(
            to: targets, atomically: true, encoding: .utf8)
        let run = await runIGCapturing([
            "history", "sync", "--targets", targets.path, "--store", directory.appendingPathComponent("s.sqlite").path,
        ])
        #expect(run.exitStatus == 64)
        let error = try #require(run.error as? ValidationError)
        let text = try #require(IGCommand.usageFailure(error, of: HistorySyncCommand.self))
        #expect(text.hasPrefix("Error: Targets line 2 ('bad line'): expected 4 fields"))
        #expect(text.contains("\nUsage: ig history sync [<options>] [<epic> ...]\n"))
        #expect(text.contains("See 'ig history sync --help' for more information."))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("s.sqlite").path))
    }

    @Test("the path to a command is found at any depth, and ig itself has none")
    func commandPath() {
        #expect(IGCommand.commandPath(to: HistorySyncCommand.self) == ["ig", "history", "sync"])
        #expect(IGCommand.commandPath(to: RecordCommand.self) == ["ig", "record"])
        #expect(IGCommand.commandPath(to: IGCommand.self) == nil)
        #expect(IGCommand.commandPath(to: ForeignCommand.self) == nil)
    }
}

/// A command that is not one of `ig`'s.
private struct ForeignCommand: ParsableCommand {}
