public import Foundation

/// An account listed in a v1/v2 login response.
public struct SessionAccount: Codable, Sendable, Hashable {
    /// The account's id.
    public var accountId: AccountId
    /// The account's name.
    public var accountName: String?
    /// Whether it is the default account.
    public var preferred: Bool?
    /// `SPREADBET`, `CFD` or `PHYSICAL`.
    public var accountType: AccountType?
}

/// The cash summary of the active account in a v1/v2 login response.
public struct AccountInfo: Codable, Sendable, Hashable {
    /// The account's cash balance.
    public var balance: Decimal?
    /// The margin held for open positions.
    public var deposit: Decimal?
    /// The running profit or loss of open positions.
    public var profitLoss: Decimal?
    /// Funds available for new positions.
    public var available: Decimal?
}

/// The body of `POST /session` versions 1 and 2.
public struct AuthenticationResponse: Codable, Sendable, Hashable {
    /// The active account's type.
    public var accountType: AccountType?
    /// The active account's balances.
    public var accountInfo: AccountInfo?
    /// The active account's currency.
    public var currencyIsoCode: String?
    /// The symbol of that currency.
    public var currencySymbol: String?
    /// The active account.
    public var currentAccountId: AccountId
    /// The Lightstreamer server for this session.
    public var lightstreamerEndpoint: String?
    /// The client's accounts.
    public var accounts: [SessionAccount]?
    /// IG's client id.
    public var clientId: ClientId?
    /// The account's offset from UTC, in hours.
    public var timezoneOffset: Double?
    /// Whether the client has DEMO accounts.
    public var hasActiveDemoAccounts: Bool?
    /// Whether the client has LIVE accounts.
    public var hasActiveLiveAccounts: Bool?
    /// Whether trailing stops are enabled.
    public var trailingStopsEnabled: Bool?
    /// Where IG redirects the client, if anywhere.
    public var reroutingEnvironment: String?
    /// Whether the client may deal.
    public var dealingEnabled: Bool?
}

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

/// The body of `GET /session`.
public struct SessionDetails: Codable, Sendable, Hashable {
    /// IG's client id.
    public var clientId: ClientId?
    /// The account's id.
    public var accountId: AccountId
    /// The account's offset from UTC, in hours.
    public var timezoneOffset: Double?
    /// The client's locale.
    public var locale: String?
    /// The active account's currency.
    public var currency: String?
    /// The Lightstreamer server for this session.
    public var lightstreamerEndpoint: String?
}

/// The body of `PUT /session` (switch account).
public struct SwitchAccountResponse: Codable, Sendable, Hashable {
    /// Whether trailing stops are enabled on the new account.
    public var trailingStopsEnabled: Bool?
    /// Whether the new account may deal.
    public var dealingEnabled: Bool?
    /// Whether the client has DEMO accounts.
    public var hasActiveDemoAccounts: Bool?
    /// Whether the client has LIVE accounts.
    public var hasActiveLiveAccounts: Bool?
}

/// The body of `GET /session/encryptionKey`.
public struct EncryptionKey: Codable, Sendable, Hashable {
    /// Base64 of the DER `SubjectPublicKeyInfo` of IG's RSA key.
    public var encryptionKey: String
    /// Milliseconds since the epoch; IG sends a number, some captures show a string.
    public var timeStamp: Int64

    /// Creates a key answer.
    public init(encryptionKey: String, timeStamp: Int64) {
        self.encryptionKey = encryptionKey
        self.timeStamp = timeStamp
    }

    enum CodingKeys: String, CodingKey { case encryptionKey, timeStamp }

    /// Decodes the value from IG's JSON.
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
