import ArgumentParser
import Foundation
import Testing

@testable import IGCommands

/// Every command of `ig`, with its path (`["markets", "search"]`).
private func allCommands() -> [(path: [String], type: any ParsableCommand.Type)] {
    func walk(_ type: any ParsableCommand.Type, _ path: [String]) -> [(path: [String], type: any ParsableCommand.Type)]
    {
        [(path, type)]
            + type.configuration.subcommands.flatMap { sub in
                walk(sub, path + [sub.configuration.commandName ?? "\(sub)"])
            }
    }
    return walk(IGCommand.self, [])
}

private let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

@Suite("Help texts (golden files)")
struct HelpGoldenTests {
    /// Compares every command's `--help` (100 columns) with `Golden/help-PATH.txt`. After a deliberate change, run
    /// `IG_UPDATE_GOLDEN=1 swift test --filter HelpGoldenTests` and review the diff of the golden files.
    @Test("every command's --help matches its golden file")
    func goldenHelp() throws {
        let update = ProcessInfo.processInfo.environment["IG_UPDATE_GOLDEN"] == "1"
        if update { try FileManager.default.createDirectory(at: goldenDirectory, withIntermediateDirectories: true) }
        let commands = allCommands()
        #expect(commands.count > 30)
        for (path, type) in commands {
            let help = IGCommand.helpMessage(for: type, columns: 100) + "\n"
            let file = goldenDirectory.appendingPathComponent("help-" + (["ig"] + path).joined(separator: "-") + ".txt")
            if update {
                try help.write(to: file, atomically: true, encoding: .utf8)
                continue
            }
            let golden = try? String(contentsOf: file, encoding: .utf8)
            let command = (["ig"] + path).joined(separator: " ")
            #expect(
                golden == help,
                "`\(command) --help` differs from \(file.lastPathComponent); regenerate after a deliberate change")
        }
    }

    @Test("help texts say that times are UTC wherever a time is taken")
    func utcInHelp() {
        for path in [["prices"], ["activity"], ["transactions"]] {
            let type = allCommands().first { $0.path == path }?.type
            #expect(type != nil)
            if let type { #expect(IGCommand.helpMessage(for: type, columns: 100).contains("UTC")) }
        }
    }

    @Test("completion scripts for bash, zsh and fish know every subcommand")
    func completionScripts() {
        for shell in [CompletionShell.bash, .zsh, .fish] {
            let script = IGCommand.completionScript(for: shell)
            for name in ["doctor", "prices", "markets", "positions", "stream"] {
                #expect(script.contains(name), "\(shell) completion lacks \(name)")
            }
        }
    }
}
