import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// How `ig stream` prints.
enum StreamFormat: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
    /// A table redrawn in place (plain lines when not on a terminal).
    case table
    /// One JSON object per line.
    case ndjson
}
