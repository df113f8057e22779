import Foundation

/// A REST call as the routes see it: method override applied, path split and decoded, body collected.
struct RESTRequest: Sendable {
    /// HTTP method after applying `_method` (a POST with `_method: DELETE` is a DELETE).
    var method: String
    /// Decoded, non-empty path segments after `/gateway/deal` (or after `/` for admin routes).
    var segments: [String]
    /// Decoded query parameters (the first value of each name wins).
    var query: [String: String]
    /// Header values by lower-cased name (the first value of each name).
    var headers: [String: String]
    /// The raw body.
    var body: Data

    /// Builds a request from its parts. `path` is the raw (percent-encoded) path.
    init(method: String, path: String, query: String?, headers: [(String, String)], body: Data) {
        var lowered = [String: String]()
        for (name, value) in headers where lowered[name.lowercased()] == nil {
            lowered[name.lowercased()] = value
        }
        self.headers = lowered
        var method = method.uppercased()
        if method == "POST", let override = lowered["_method"]?.uppercased(), ["DELETE", "PUT"].contains(override) {
            method = override
        }
        self.method = method
        self.segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        var parameters = [String: String]()
        for pair in (query ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in
                String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text)
            }
            let name = decode(parts[0])
            if parameters[name] == nil { parameters[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        self.query = parameters
        self.body = body
    }

    /// A header value (case-insensitive name).
    func header(_ name: String) -> String? {
        self.headers[name.lowercased()]
    }

    /// The `Version` header as an integer; 1 when absent or unreadable (``hasValidVersion`` tells which).
    var version: Int {
        guard let text = self.header("version")?.trimmingCharacters(in: .whitespaces), let value = Int(text),
            value > 0
        else { return 1 }
        return value
    }

    /// False when a `Version` header is present but is not a positive integer (`Version: two`, `Version: -1`).
    var hasValidVersion: Bool {
        guard let text = self.header("version")?.trimmingCharacters(in: .whitespaces) else { return true }
        guard let value = Int(text) else { return false }
        return value > 0
    }

    /// The body as JSON (`null` when empty); malformed JSON is IG's 400 `invalid.input`, JSON nested deeper than
    /// ``SimulatorJSON/maximumDepth`` a 400 `invalid.input.nesting`.
    func json() throws -> SimulatorJSON {
        do {
            return try SimulatorJSON.parse(self.body)
        } catch is SimulatorJSON.TooDeep {
            throw RESTError(status: 400, code: "invalid.input.nesting")
        } catch {
            throw RESTError(status: 400, code: "invalid.input")
        }
    }

    /// A query parameter matched case-insensitively by name.
    func queryValue(_ name: String) -> String? {
        if let exact = self.query[name] { return exact }
        let lowered = name.lowercased()
        return self.query.first { $0.key.lowercased() == lowered }?.value
    }
}
