import Foundation
import IGModels

/// The CST / X-SECURITY-TOKEN pair of a session (what Lightstreamer's password is built from).
/// Never shown by `description`.
public struct SessionTokens: Sendable, Hashable, CustomStringConvertible {
    public var clientToken: String
    public var accountToken: String

    public init(clientToken: String, accountToken: String) {
        self.clientToken = clientToken
        self.accountToken = accountToken
    }

    public var description: String { "SessionTokens(<redacted>)" }
}
