import Foundation

/// A JSON document with explicit `null`s and ordered object keys.
///
/// IG always sends every documented key, `null` where nothing applies; synthesized `Codable` would drop nil
/// optionals, so responses are built from this type instead.
enum SimulatorJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([SimulatorJSON])
    case object([(String, SimulatorJSON)])

    static func == (lhs: SimulatorJSON, rhs: SimulatorJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.double(let a), .double(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)):
            // Objects are equal when they have the same members, in any order.
            a.count == b.count && a.allSatisfy { member in b.contains { $0.0 == member.0 && $0.1 == member.1 } }
        default: false
        }
    }

    /// The value of `key` in an object (nil when absent or not an object).
    subscript(key: String) -> SimulatorJSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// True for `null`.
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// A string value; numbers are rendered as text (IG coerces them).
    var stringValue: String? {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .double(let value): String(value)
        default: nil
        }
    }

    /// A boolean, accepting the strings "true"/"false" too (IG's server coerces them, and clients send them).
    var boolValue: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let text):
            switch text.lowercased() {
            case "true": true
            case "false": false
            default: nil
            }
        default: nil
        }
    }

    /// A number, accepting numeric strings.
    var doubleValue: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string(let text): Double(text)
        default: nil
        }
    }

    /// An integer, accepting integral doubles and numeric strings.
    var intValue: Int? {
        switch self {
        case .int(let value): value
        case .double(let value): value.rounded() == value ? Int(exactly: value) : nil
        case .string(let text): Int(text)
        default: nil
        }
    }
}

extension SimulatorJSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    init(nilLiteral: ()) { self = .null }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(floatLiteral value: Double) { self = .double(value) }
    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: SimulatorJSON...) { self = .array(elements) }
    init(dictionaryLiteral elements: (String, SimulatorJSON)...) { self = .object(elements) }
}

extension SimulatorJSON {
    /// A string or `null`.
    static func string(_ value: String?) -> SimulatorJSON { value.map { .string($0) } ?? .null }
    /// A number or `null`.
    static func double(_ value: Double?) -> SimulatorJSON { value.map { .double($0) } ?? .null }
    /// An integer or `null`.
    static func int(_ value: Int?) -> SimulatorJSON { value.map { .int($0) } ?? .null }
    /// A boolean or `null`.
    static func bool(_ value: Bool?) -> SimulatorJSON { value.map { .bool($0) } ?? .null }
}

// MARK: - Parsing

extension SimulatorJSON: Decodable {
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([SimulatorJSON].self) {
            self = .array(value)
        } else {
            let members = try container.decode([String: SimulatorJSON].self)
            self = .object(members.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }
    }

    /// Deepest nesting of arrays and objects a request body may have (IG's bodies nest two or three levels).
    static let maximumDepth = 64

    /// A body nested deeper than ``maximumDepth``: refused before decoding, whose cost grows with the square of
    /// the depth.
    struct TooDeep: Error {}

    /// Parses a request body; an empty body is `null`. Throws ``TooDeep`` past ``maximumDepth`` levels.
    static func parse(_ data: Data) throws -> SimulatorJSON {
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .null }
        guard Self.nesting(of: data) <= Self.maximumDepth else { throw TooDeep() }
        return try JSONDecoder().decode(SimulatorJSON.self, from: data)
    }

    /// The deepest nesting of `[` and `{` outside strings, found in one pass (malformed text included: the
    /// decoder judges the syntax).
    static func nesting(of data: Data) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = Swift.max(deepest, depth)
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}

// MARK: - Serialisation

extension SimulatorJSON {
    /// Compact UTF-8 JSON.
    var serialized: Data {
        var output = ""
        output.reserveCapacity(256)
        self.write(into: &output)
        return Data(output.utf8)
    }

    /// Compact JSON text.
    var text: String {
        var output = ""
        self.write(into: &output)
        return output
    }

    private func write(into output: inout String) {
        switch self {
        case .null:
            output += "null"
        case .bool(let value):
            output += value ? "true" : "false"
        case .int(let value):
            output += String(value)
        case .double(let value):
            output += Self.format(value)
        case .string(let value):
            Self.writeString(value, into: &output)
        case .array(let elements):
            output += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { output += "," }
                element.write(into: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { output += "," }
                Self.writeString(member.0, into: &output)
                output += ":"
                member.1.write(into: &output)
            }
            output += "}"
        }
    }

    /// Shortest round-tripping decimal; integral values keep a `.0` so clients see a float (IG does too).
    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value)) + ".0"
        }
        let text = String(value)
        guard text.contains("e") else { return text }
        // Avoid exponent notation for small magnitudes that prices and percentages produce.
        var formatted = String(format: "%.12f", value)
        while formatted.hasSuffix("0") { formatted.removeLast() }
        if formatted.hasSuffix(".") { formatted += "0" }
        return formatted
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
