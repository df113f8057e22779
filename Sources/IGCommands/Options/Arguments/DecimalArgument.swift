import ArgumentParser
import Foundation

/// A number typed on the command line, kept exactly as typed (`.` as the decimal separator, whatever the locale).
struct DecimalArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The number.
    let value: Decimal
    /// The text as typed, for messages and prompts.
    let description: String

    init?(argument: String) {
        guard let value = Decimal(string: argument, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        self.value = value
        self.description = argument
    }
}
