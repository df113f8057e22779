import ArgumentParser
import Foundation

@testable import IGCommands

/// What one in-process `ig` run printed on standard output and on standard error (notes), and how it ended.
struct CapturedRun: Sendable {
    var output: String
    var notes: String
    var error: (any Error)?

    /// The exit status the `ig` executable would end with.
    var exitStatus: Int32 {
        guard let error else { return 0 }
        return IGCommand.exitStatus(for: error)
    }
}

/// Runs `ig ARGUMENTS…` in this process, keeping its output, its notes and its error (instead of throwing).
func runIGCapturing(_ arguments: [String]) async -> CapturedRun {
    await runCapturing { try IGCommand.parseAsRoot(arguments) }
}

/// Parses a command with `parse` and runs it in this process, keeping its output, notes and error.
func runCapturing(_ parse: () throws -> any ParsableCommand) async -> CapturedRun {
    let notes = NoteBuffer()
    var failure: (any Error)?
    let output: String
    do {
        output = try await Console.$diagnostics.withValue(Console { notes.append($0) }) {
            try await Console.capture {
                do {
                    var command = try parse()
                    if var asyncCommand = command as? any AsyncParsableCommand {
                        try await asyncCommand.run()
                    } else {
                        try command.run()
                    }
                } catch {
                    failure = error
                }
            }
        }
    } catch {
        return CapturedRun(output: "", notes: notes.text, error: error)
    }
    return CapturedRun(output: output, notes: notes.text, error: failure)
}

/// Collects text written from any task.
final class NoteBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""
    func append(_ text: String) { lock.withLock { storage += text } }
    var text: String { lock.withLock { storage } }
}
