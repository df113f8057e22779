import Foundation

/// The OAuth token pair of a v3 session (`oauthToken` in the login body, or the body of `/session/refresh-token`).
public struct OAuthToken: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The bearer token (a secret).
    public var accessToken: String
    /// The token that obtains a new access token (a secret).
    public var refreshToken: String
    /// The token's scope.
    public var scope: String?
    /// `Bearer`.
    public var tokenType: String?
    /// Seconds until the access token expires; IG sends it as a string (`"60"`).
    public var expiresIn: String?

    /// Creates a token set.
    public init(
        accessToken: String, refreshToken: String, scope: String? = "profile", tokenType: String? = "Bearer",
        expiresIn: String? = "60"
    ) {
        self.accessToken = accessToken
        self.refreshToken = refreshToken
        self.scope = scope
        self.tokenType = tokenType
        self.expiresIn = expiresIn
    }

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case refreshToken = "refresh_token"
        case scope
        case tokenType = "token_type"
        case expiresIn = "expires_in"
    }

    /// The access token lifetime IG announced, in seconds (60 when IG omits or garbles it).
    public var lifetimeSeconds: Int { expiresIn.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 60 }

    /// Never shows the tokens.
    public var description: String { "OAuthToken(expiresIn: \(lifetimeSeconds)s, tokens: <redacted>)" }
}
