import Foundation

/// One REST call, built per call and never shared: method, path, IG `Version`, query and body.
///
/// Headers are derived from this value when it is sent, so a `_method: DELETE` override can only ever apply to
/// the request that asked for it, never leak into later requests.
struct IGRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
    }

    /// How the request authenticates.
    enum Authentication: Sendable {
        /// API key only (login, encryption key, refresh).
        case apiKeyOnly
        /// The current session's tokens.
        case session
    }

    var method: Method
    /// Path below `/gateway/deal`, e.g. `/markets/CS.D.EURUSD.TODAY.IP` (segments unencoded).
    var path: String
    var version: Int
    var query: [URLQueryItem] = []
    var body: Data? = nil
    var authentication: Authentication = .session
    /// The operation name used in logs and errors, e.g. `GET /markets/{epic}`.
    var operation: String

    /// The HTTP method on the wire: a DELETE with a body travels as POST + `_method: DELETE`, because IG's
    /// gateway drops the body of a real DELETE.
    var wireMethod: Method { method == .delete && body != nil ? .post : method }

    /// The `_method` override header, for this request only.
    var methodOverride: String? { method == .delete && body != nil ? "DELETE" : nil }

    /// Whether the request can be repeated without changing anything at IG (reads and session calls).
    var isSafeToRetry: Bool { method == .get || path.hasPrefix("/session") }

    /// Whether IG bodies of this path may carry secrets (login, tokens) and must never be logged.
    var hasSensitiveBodies: Bool { path.hasPrefix("/session") }

    init(
        _ method: Method, _ path: String, version: Int = 1, query: [URLQueryItem] = [], body: Data? = nil,
        authentication: Authentication = .session, operation: String? = nil
    ) {
        self.method = method
        self.path = path
        self.version = version
        self.query = query
        self.body = body
        self.authentication = authentication
        self.operation = operation ?? "\(method.rawValue) \(path)"
    }

    /// Encodes `value` as the JSON body.
    static func json(_ value: some Encodable) -> Data {
        // Encoding our own request structs cannot fail.
        (try? JSONEncoder().encode(value)) ?? Data("{}".utf8)
    }

    /// The full URL below `base`, each path segment percent-encoded.
    func url(relativeTo base: URL) -> URL? {
        guard var components = URLComponents(url: base, resolvingAgainstBaseURL: false) else { return nil }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0)
        }
        let basePath =
            components.percentEncodedPath.hasSuffix("/")
            ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = basePath + "/" + segments.joined(separator: "/")
        components.queryItems = query.isEmpty ? nil : query
        return components.url
    }
}
