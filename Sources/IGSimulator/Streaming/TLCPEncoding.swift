/// Server-side encoding of TLCP notification lines and of `U` values. Pure.
enum TLCPEncoding {
    /// Line terminator of every notification.
    static let lineEnd = "\r\n"

    /// Encodes one field value of a `U` line: nil is `#`, the empty string `$`; `%`, `|`, CR and LF are
    /// percent-encoded anywhere and `#`, `$`, `^` at the start. Everything else (commas, quotes, braces of IG's
    /// JSON payloads) stays raw.
    static func value(_ value: String?) -> String {
        guard let value else { return "#" }
        if value.isEmpty { return "$" }
        var needsWork = false
        for byte in value.utf8 where byte == UInt8(ascii: "%") || byte == UInt8(ascii: "|") || byte == 13 || byte == 10
        {
            needsWork = true
            break
        }
        if let first = value.utf8.first,
            first == UInt8(ascii: "#") || first == UInt8(ascii: "$") || first == UInt8(ascii: "^")
        {
            needsWork = true
        }
        guard needsWork else { return value }
        var result = ""
        result.reserveCapacity(value.utf8.count + 8)
        for (offset, scalar) in value.unicodeScalars.enumerated() {
            switch scalar {
            case "%": result += "%25"
            case "|": result += "%7C"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            case "#" where offset == 0: result += "%23"
            case "$" where offset == 0: result += "%24"
            case "^" where offset == 0: result += "%5E"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Percent-encodes the free-text argument of `CONERR`, `END`, `REQERR` and `ERROR`: only unreserved ASCII
    /// and spaces stay raw, so a comma can never split the argument.
    static func message(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"), UInt8(ascii: " "), UInt8(ascii: ":"), UInt8(ascii: "/"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// A `U` line from already-encoded tokens, where nil means "unchanged"; runs of two or more unchanged fields
    /// become `^N`.
    static func update(subscription: Int, item: Int, tokens: [String?]) -> String {
        var line = "U,\(subscription),\(item),"
        var unchanged = 0
        var first = true
        func flush() {
            guard unchanged > 0 else { return }
            if unchanged == 1 {
                if !first { line += "|" }
                first = false
            } else {
                if !first { line += "|" }
                line += "^\(unchanged)"
                first = false
            }
            unchanged = 0
        }
        for token in tokens {
            guard let token else {
                unchanged += 1
                continue
            }
            flush()
            if !first { line += "|" }
            line += token
            first = false
        }
        flush()
        return line
    }

    /// `CONERR,<code>,<message>`.
    static func conerr(_ code: Int, _ text: String) -> String { "CONERR,\(code),\(Self.message(text))" }
    /// `END,<code>,<message>`.
    static func end(_ code: Int, _ text: String) -> String { "END,\(code),\(Self.message(text))" }
    /// `REQERR,<reqId>,<code>,<message>`.
    static func reqerr(_ requestId: String, _ code: Int, _ text: String) -> String {
        "REQERR,\(requestId),\(code),\(Self.message(text))"
    }
    /// `ERROR,<code>,<message>`.
    static func error(_ code: Int, _ text: String) -> String { "ERROR,\(code),\(Self.message(text))" }

    /// Formats a price held in whole ticks with `decimals` decimal places (`108345`, 5 → `1.08345`).
    static func decimal(_ ticks: Int64, decimals: Int) -> String {
        guard decimals > 0 else { return String(ticks) }
        let negative = ticks < 0
        let magnitude = negative ? -ticks : ticks
        var digits = String(magnitude)
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        let split = digits.index(digits.endIndex, offsetBy: -decimals)
        return (negative ? "-" : "") + digits[..<split] + "." + digits[split...]
    }
}
