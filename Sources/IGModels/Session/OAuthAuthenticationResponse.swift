import Foundation

/// The body of `POST /session` version 3.
public struct OAuthAuthenticationResponse: Codable, Sendable, Hashable {
    public var clientId: ClientId?
    public var accountId: AccountId
    public var timezoneOffset: Double?
    public var lightstreamerEndpoint: String?
    public var oauthToken: OAuthToken
}
