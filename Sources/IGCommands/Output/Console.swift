import Foundation
import Synchronization

/// Where commands write their output. Standard output by default; tests capture it with ``Console/capture(_:)``.
public struct Console: Sendable {
    let write: @Sendable (String) -> Void

    /// Standard output, flushed after every write (so piped output and progress appear at once).
    public static let standardOutput = Console { text in
        StandardStream.output(text)
    }

    /// Standard error.
    public static let standardError = Console { text in
        StandardStream.error(text)
    }

    /// Where output goes in this task: standard output, or a capture buffer (see `IGCommand.output(of:)`).
    @TaskLocal public static var current: Console = .standardOutput

    /// Writes one line.
    public static func line(_ text: String = "") {
        current.write(text + "\n")
    }

    /// Runs `body` with output collected into a string (for tests and embedding).
    public static func capture(_ body: () async throws -> Void) async throws -> String {
        let buffer = OutputBuffer()
        try await $current.withValue(Console { buffer.append($0) }) {
            try await body()
        }
        return buffer.text
    }
}
