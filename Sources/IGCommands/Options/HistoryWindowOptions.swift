import ArgumentParser
import Foundation
import IGModels

/// The time window of `ig activity` and `ig transactions`: `--from`/`--to` (UTC) or `--last` (a span before now).
struct HistoryWindowOptions: ParsableArguments {
    @Option(help: "Start, UTC: 2026-11-01, 2026-11-01T10:00 or 2026-11-01T10:00:30 (default: --last before --to).")
    var from: UTCDateArgument?
    @Option(help: "End, UTC, in the same forms (default: now).") var to: UTCDateArgument?
    @Option(help: "Span before --to when --from is not given: 90s, 30m, 12h, 7d, 2w.") var last = "7d"

    func validate() throws {
        _ = try Self.span(last)
        if let start = from?.value, let end = to?.value, start > end {
            throw ValidationError("--from must not be after --to.")
        }
    }

    /// The window in UTC.
    func window(now: Date = Date()) throws -> (from: Date, to: Date) {
        let end = to?.value ?? now
        let start = try from?.value ?? end.addingTimeInterval(-Self.span(last))
        return (start, end)
    }

    /// `90s`, `30m`, `12h`, `7d`, `2w` in seconds.
    static func span(_ text: String) throws -> TimeInterval {
        guard let seconds = UTCDateParser.span(text) else {
            throw ValidationError("--last must be a number and a unit (s, m, h, d, w), e.g. 7d, not '\(text)'.")
        }
        return seconds
    }
}
