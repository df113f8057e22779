public import Foundation

/// A raw HTTP request, as handed to an ``IGHTTPTransport``.
public struct IGHTTPRequest: Sendable {
    /// The HTTP method (`GET`, `POST`, `PUT`, `DELETE`).
    public var method: String
    /// The full URL, query included.
    public var url: URL
    /// The headers, in order (secrets included: a transport must not log them).
    public var headers: [(name: String, value: String)]
    /// The JSON body, if any.
    public var body: Data?
    /// How long the whole request may take.
    public var timeout: Duration

    /// Creates a request.
    public init(method: String, url: URL, headers: [(name: String, value: String)], body: Data?, timeout: Duration) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// A raw HTTP response from an ``IGHTTPTransport``.
public struct IGHTTPResponse: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The response headers, in order.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: Data

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, compared case-insensitively.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// Sends HTTP requests for an ``IGClient``. The default is built on AsyncHTTPClient; any conforming type
/// (a proxy, a recorder) can be injected.
public protocol IGHTTPTransport: Sendable {
    /// Sends one request. Throws ``IGError`` with ``IGError/Code/transport`` or ``IGError/Code/timeout``
    /// when no response arrived.
    func send(_ request: IGHTTPRequest) async throws -> IGHTTPResponse

    /// Releases connections. Called by ``IGClient/shutdown()``.
    func shutdown() async throws
}
