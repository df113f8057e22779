/// One TLCP request as a client sends it: a name (`create_session`, `bind_session`, `control`, `heartbeat`,
/// `wsok`…) and its URL-encoded parameters.
///
/// Pure: parsing never touches I/O, so it is tested without sockets.
struct TLCPClientRequest: Sendable, Hashable {
    /// The request name without `.txt`.
    var name: String
    /// Decoded parameters; the first occurrence of a name wins.
    var parameters: [String: String]

    /// A parameter value.
    subscript(_ name: String) -> String? { self.parameters[name] }

    /// Parses one WebSocket text frame: the request name on the first line, then one parameter line per request
    /// (several for a batched `control`). Lines end with CRLF; a bare LF is tolerated.
    static func parseFrame(_ text: String) -> [TLCPClientRequest] {
        let lines = Self.lines(text)
        guard let name = lines.first?.lowercased(), !name.isEmpty else { return [] }
        let parameterLines = lines.dropFirst().filter { !$0.isEmpty }
        if parameterLines.isEmpty { return [TLCPClientRequest(name: name, parameters: [:])] }
        return parameterLines.map { TLCPClientRequest(name: name, parameters: Self.parameters($0)) }
    }

    /// Parses the body of an HTTP request (`name` comes from the path): one request per non-empty line, each
    /// also seeing the query parameters it does not set itself.
    static func parseBody(name: String, body: String, query: [String: String]) -> [TLCPClientRequest] {
        let lines = Self.lines(body).filter { !$0.isEmpty }
        if lines.isEmpty { return [TLCPClientRequest(name: name, parameters: query)] }
        return lines.map { line in
            var parameters = Self.parameters(line)
            for (key, value) in query where parameters[key] == nil { parameters[key] = value }
            return TLCPClientRequest(name: name, parameters: parameters)
        }
    }

    /// Splits text on CRLF (or a bare LF or CR) into lines.
    static func lines(_ text: String) -> [Substring] {
        // "\r\n" is a single Character in Swift, so split on any newline character.
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    /// Decodes `k=v&k=v`; `+` stays a plus sign, `%XX` sequences are UTF-8 decoded.
    static func parameters(_ line: Substring) -> [String: String] {
        var result = [String: String]()
        for pair in line.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = Self.percentDecode(parts[0])
            if result[key] == nil { result[key] = parts.count > 1 ? Self.percentDecode(parts[1]) : "" }
        }
        return result
    }

    /// Percent-decoding that leaves `+` alone and keeps malformed escapes as they are.
    static func percentDecode(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let high = Self.hexValue(iterator[iterator.startIndex]),
                let low = Self.hexValue(iterator[iterator.startIndex + 1])
            {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
