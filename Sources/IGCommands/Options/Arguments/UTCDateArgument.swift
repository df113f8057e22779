import ArgumentParser
import Foundation
import IGModels

/// A UTC time typed as `yyyy-MM-ddTHH:mm:ss` (or another of IG's date formats).
struct UTCDateArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The instant.
    let value: Date
    /// The text as typed.
    let description: String

    init?(argument: String) {
        guard let value = IGDateFormat.date(from: argument) else { return nil }
        self.value = value
        self.description = argument
    }
}
