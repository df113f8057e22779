public import Foundation
public import IGModels

/// The established IG session, as the client sees it. Holds no secrets.
public struct IGSession: Sendable, Hashable {
    /// The session version used to log in.
    public var version: SessionVersion
    /// IG's client id.
    public var clientId: ClientId?
    /// The active account (the `IG-ACCOUNT-ID` of v3 requests).
    public var accountId: AccountId
    /// The client's accounts (v1/v2 logins list them; v3 logins do not).
    public var accounts: [SessionAccount]
    /// The active account's type.
    public var accountType: AccountType?
    /// The active account's currency.
    public var currency: String?
    /// Where IG's Lightstreamer server is.
    public var lightstreamerEndpoint: URL?
    /// Hours between the account's time zone and UTC (DST-aware).
    public var timezoneOffset: Double?
}

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

/// Counters of the session manager's work, for observability and tests.
public struct SessionStatistics: Sendable, Hashable {
    /// Full logins (`POST /session`) performed.
    public var logins: Int
    /// v3 token refreshes (`POST /session/refresh-token`) performed.
    public var refreshes: Int
    /// Times IG refused the session tokens and the client re-authenticated.
    public var rejections: Int
}
