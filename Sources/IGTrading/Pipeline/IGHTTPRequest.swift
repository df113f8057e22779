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
