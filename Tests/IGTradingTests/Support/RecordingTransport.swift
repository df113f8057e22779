import Foundation
import Synchronization

@testable import IGTrading

/// Wraps the real transport and records every exchange (to find the secrets that must not be logged) and can
/// damage bodies (to test decoding errors).
final class RecordingTransport: IGHTTPTransport {
    let inner: any IGHTTPTransport
    let exchanges = Mutex<[(IGHTTPRequest, IGHTTPResponse)]>([])
    let truncateBodiesOf: String?

    init(inner: any IGHTTPTransport, truncateBodiesOf: String? = nil) {
        self.inner = inner
        self.truncateBodiesOf = truncateBodiesOf
    }

    func send(_ request: IGHTTPRequest) async throws -> IGHTTPResponse {
        var response = try await inner.send(request)
        if let path = truncateBodiesOf, request.url.path.hasSuffix(path) {
            response.body = response.body.prefix(response.body.count / 2)
        }
        exchanges.withLock { $0.append((request, response)) }
        return response
    }

    func shutdown() async throws { try await inner.shutdown() }

    /// Every secret value that crossed the wire: API key, password, tokens in headers and bodies.
    var secrets: Set<String> {
        exchanges.withLock { exchanges in
            var found = Set<String>()
            for (request, response) in exchanges {
                for header in request.headers + response.headers {
                    switch header.name.lowercased() {
                    case "x-ig-api-key", "cst", "x-security-token": found.insert(header.value)
                    case "authorization": found.insert(String(header.value.split(separator: " ").last ?? ""))
                    default: break
                    }
                }
                for body in [request.body ?? Data(), response.body] {
                    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else { continue }
                    var values: [String: Any] = object
                    if let token = object["oauthToken"] as? [String: Any] { values.merge(token) { a, _ in a } }
                    for key in ["password", "access_token", "refresh_token"] {
                        if let value = values[key] as? String { found.insert(value) }
                    }
                }
            }
            return found.filter { $0.count >= 6 }
        }
    }
}
