import Foundation

/// Sends HTTP requests for an ``IGClient``. The default is built on AsyncHTTPClient; any conforming type
/// (a proxy, a recorder) can be injected.
public protocol IGHTTPTransport: Sendable {
    /// Sends one request. Throws ``IGError`` with ``IGError/Code/transport`` or ``IGError/Code/timeout``
    /// when no response arrived.
    func send(_ request: IGHTTPRequest) async throws -> IGHTTPResponse

    /// Releases connections. Called by ``IGClient/shutdown()``.
    func shutdown() async throws
}
