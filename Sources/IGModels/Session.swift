public import Foundation

/// An account listed in a v1/v2 login response.
public struct SessionAccount: Codable, Sendable, Hashable {
    public var accountId: AccountId
    public var accountName: String?
    public var preferred: Bool?
    public var accountType: AccountType?
}

/// The cash summary of the active account in a v1/v2 login response.
public struct AccountInfo: Codable, Sendable, Hashable {
    public var balance: Decimal?
    public var deposit: Decimal?
    public var profitLoss: Decimal?
    public var available: Decimal?
}

/// The body of `POST /session` versions 1 and 2.
public struct AuthenticationResponse: Codable, Sendable, Hashable {
    public var accountType: AccountType?
    public var accountInfo: AccountInfo?
    public var currencyIsoCode: String?
    public var currencySymbol: String?
    public var currentAccountId: AccountId
    public var lightstreamerEndpoint: String?
    public var accounts: [SessionAccount]?
    public var clientId: ClientId?
    public var timezoneOffset: Double?
    public var hasActiveDemoAccounts: Bool?
    public var hasActiveLiveAccounts: Bool?
    public var trailingStopsEnabled: Bool?
    public var reroutingEnvironment: String?
    public var dealingEnabled: Bool?
}

/// The OAuth token pair of a v3 session (`oauthToken` in the login body, or the body of `/session/refresh-token`).
public struct OAuthToken: Codable, Sendable, Hashable, CustomStringConvertible {
    public var accessToken: String
    public var refreshToken: String
    public var scope: String?
    public var tokenType: String?
    /// Seconds until the access token expires; IG sends it as a string (`"60"`).
    public var expiresIn: String?

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

/// The body of `POST /session` version 3.
public struct OAuthAuthenticationResponse: Codable, Sendable, Hashable {
    public var clientId: ClientId?
    public var accountId: AccountId
    public var timezoneOffset: Double?
    public var lightstreamerEndpoint: String?
    public var oauthToken: OAuthToken
}

/// The body of `GET /session`.
public struct SessionDetails: Codable, Sendable, Hashable {
    public var clientId: ClientId?
    public var accountId: AccountId
    public var timezoneOffset: Double?
    public var locale: String?
    public var currency: String?
    public var lightstreamerEndpoint: String?
}

/// The body of `PUT /session` (switch account).
public struct SwitchAccountResponse: Codable, Sendable, Hashable {
    public var trailingStopsEnabled: Bool?
    public var dealingEnabled: Bool?
    public var hasActiveDemoAccounts: Bool?
    public var hasActiveLiveAccounts: Bool?
}

/// The body of `GET /session/encryptionKey`.
public struct EncryptionKey: Codable, Sendable, Hashable {
    /// Base64 of the DER `SubjectPublicKeyInfo` of IG's RSA key.
    public var encryptionKey: String
    /// Milliseconds since the epoch; IG sends a number, some captures show a string.
    public var timeStamp: Int64

    public init(encryptionKey: String, timeStamp: Int64) {
        self.encryptionKey = encryptionKey
        self.timeStamp = timeStamp
    }

    enum CodingKeys: String, CodingKey { case encryptionKey, timeStamp }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        encryptionKey = try container.decode(String.self, forKey: .encryptionKey)
        if let number = try? container.decode(Int64.self, forKey: .timeStamp) {
            timeStamp = number
        } else {
            let text = try container.decode(String.self, forKey: .timeStamp)
            guard let number = Int64(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .timeStamp, in: container, debugDescription: "timeStamp is not a number: \(text)")
            }
            timeStamp = number
        }
    }
}
