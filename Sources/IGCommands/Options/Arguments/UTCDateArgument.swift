import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// A UTC time as people type it: `2026-11-01`, `2026-11-01T10:00`, `2026-11-01T10:00:30`, with or without `Z` (an
/// offset such as `+01:00` is honoured), or any of IG's own date layouts.
struct UTCDateArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The instant.
    let value: Date
    /// The text as typed.
    let description: String

    init?(argument: String) {
        guard let value = UTCDateText.date(argument) ?? IGDateFormat.date(from: argument) else { return nil }
        self.value = value
        self.description = argument
    }
}
