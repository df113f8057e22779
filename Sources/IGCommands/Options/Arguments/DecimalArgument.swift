import ArgumentParser
import Foundation

/// A number typed on the command line, kept exactly as typed (`.` as the decimal separator, whatever the locale).
struct DecimalArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The number.
    let value: Decimal
    /// The text as typed, for messages and prompts.
    let description: String

    init?(argument: String) {
        // `Decimal(string:)` reads the longest numeric prefix, so `1x2` would be 1: the whole text must be a number.
        guard argument.wholeMatch(of: /[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/) != nil,
            let value = Decimal(string: argument, locale: Locale(identifier: "en_US_POSIX"))
        else { return nil }
        self.value = value
        self.description = argument
    }
}
