import Foundation
import IGModels
import IGStreaming

/// Minimal NDJSON rendering with exact decimals.
enum NDJSON {
    enum Value {
        case string(String)
        case decimal(Decimal)
        case int(Int)
        case bool(Bool)
        case null
    }

    static func object(_ fields: [(String, Value)]) -> String {
        "{" + fields.map { "\(quote($0.0)):\(render($0.1))" }.joined(separator: ",") + "}"
    }

    static func render(_ value: Value) -> String {
        switch value {
        case .string(let text): quote(text)
        case .decimal(let number): "\(number)"
        case .int(let number): "\(number)"
        case .bool(let flag): flag ? "true" : "false"
        case .null: "null"
        }
    }

    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func number(_ value: Decimal?) -> Value { value.map { .decimal($0) } ?? .null }
    static func text(_ value: String?) -> Value { value.map { .string($0) } ?? .null }
    static func date(_ value: Date?) -> Value { value.map { .string(iso8601($0)) } ?? .null }

    static func iso8601(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
