public import Foundation

/// A raw HTTP request, as handed to an ``IGHTTPTransport``.
public struct IGHTTPRequest: Sendable {
    public var method: String
    public var url: URL
    public var headers: [(name: String, value: String)]
    public var body: Data?
    public var timeout: Duration

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
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

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
