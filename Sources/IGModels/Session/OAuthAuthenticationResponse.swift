import Foundation

/// The body of `POST /session` version 3.
public struct OAuthAuthenticationResponse: Codable, Sendable, Hashable {
    /// IG's client id.
    public var clientId: ClientId?
    /// The account's id.
    public var accountId: AccountId
    /// The account's offset from UTC, in hours.
    public var timezoneOffset: Double?
    /// The Lightstreamer server for this session.
    public var lightstreamerEndpoint: String?
    /// The OAuth tokens.
    public var oauthToken: OAuthToken
}
