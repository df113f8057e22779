import ArgumentParser
import Foundation

/// How a command prints its result.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
    case table, json, csv
}

/// Prints a value as pretty JSON with sorted keys and ISO-8601 dates.
func printJSON(_ value: any Encodable) throws {
    Console.line(String(decoding: try JSONEncoder.pretty.encode(value), as: UTF8.self))
}

extension JSONEncoder {
    /// The encoder of ``printJSON(_:)``: pretty, sorted keys, ISO-8601 dates.
    static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
