import Foundation
import IGModels

/// The CST / X-SECURITY-TOKEN pair of a session (what Lightstreamer's password is built from).
/// Never shown by `description`.
public struct SessionTokens: Sendable, Hashable, CustomStringConvertible {
    /// The `CST` token (a secret).
    public var clientToken: String
    /// The `X-SECURITY-TOKEN` (a secret).
    public var accountToken: String

    /// Creates a token pair.
    public init(clientToken: String, accountToken: String) {
        self.clientToken = clientToken
        self.accountToken = accountToken
    }

    /// A readable description (never contains a secret).
    public var description: String { "SessionTokens(<redacted>)" }
}
