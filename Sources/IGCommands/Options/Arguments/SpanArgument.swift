import ArgumentParser
import Foundation

/// A span typed as a number and a unit, for `--last`: `90s`, `30m`, `6h`, `3d`, `2w`.
struct SpanArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The span in seconds.
    let seconds: TimeInterval
    /// The text as typed.
    let description: String

    init?(argument: String) {
        guard let seconds = UTCDateParser.span(argument) else { return nil }
        self.seconds = seconds
        self.description = argument
    }
}
