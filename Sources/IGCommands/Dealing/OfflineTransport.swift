import Foundation
import IGTrading
import Synchronization

/// The transport of a dry run on LIVE: sends nothing (no login either) and remembers that something tried to.
final class OfflineTransport: IGHTTPTransport {
    private let attempts = Mutex(0)

    /// Whether anything tried to reach IG.
    var wasUsed: Bool { self.attempts.withLock { $0 > 0 } }

    func send(_ request: IGHTTPRequest) async throws -> IGHTTPResponse {
        self.attempts.withLock { $0 += 1 }
        throw IGError(
            code: .invalidConfiguration, operation: "dry run",
            detail: "a dry run on LIVE sends nothing to IG, not even a login")
    }

    func shutdown() async throws {}
}
