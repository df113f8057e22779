/// The `errorCode` string of an IG error body (`{"errorCode": "error.security.invalid-details"}`).
///
/// The set is open: IG adds codes, and validation codes embed field names. Known codes are static constants.
public struct IGErrorCode: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wrong identifier or password, or credentials of the other environment (DEMO/LIVE).
    public static let invalidDetails: Self = "error.security.invalid-details"
    /// Logins are locked after too many failures.
    public static let tooManyFailedAttempts: Self = "error.security.too-many-failed-attempts"
    /// No API key was sent.
    public static let apiKeyMissing: Self = "error.security.api-key-missing"
    /// The API key is not valid here (keys are per environment).
    public static let apiKeyInvalid: Self = "error.security.api-key-invalid"
    /// The API key is disabled.
    public static let apiKeyDisabled: Self = "error.security.api-key-disabled"
    /// The API key was revoked.
    public static let apiKeyRevoked: Self = "error.security.api-key-revoked"
    /// The API key may not do this.
    public static let apiKeyRestricted: Self = "error.security.api-key-restricted"
    /// The `CST` token expired or was invalidated.
    public static let clientTokenInvalid: Self = "error.security.client-token-invalid"
    /// No `CST` token was sent.
    public static let clientTokenMissing: Self = "error.security.client-token-missing"
    /// The `X-SECURITY-TOKEN` expired or was invalidated.
    public static let accountTokenInvalid: Self = "error.security.account-token-invalid"
    /// No `X-SECURITY-TOKEN` was sent.
    public static let accountTokenMissing: Self = "error.security.account-token-missing"
    /// The v3 access token expired or was invalidated.
    public static let oauthTokenInvalid: Self = "error.security.oauth-token-invalid"
    /// The default account is share dealing, ISA or SIPP: v1/v2 logins are refused.
    public static let stockbrokingNotSupported: Self = "error.public-api.failure.stockbroking-not-supported"
    /// This login must send an encrypted password.
    public static let encryptionRequired: Self = "error.public-api.failure.encryption.required"
    /// IG needs the client to confirm their details on its web platform.
    public static let kycRequired: Self = "error.public-api.failure.kyc.required"
    /// The API key's requests per minute are used up.
    public static let exceededApiKeyAllowance: Self = "error.public-api.exceeded-api-key-allowance"
    /// The account's non-trading requests per minute are used up.
    public static let exceededAccountAllowance: Self = "error.public-api.exceeded-account-allowance"
    /// The account's trading requests per minute are used up.
    public static let exceededAccountTradingAllowance: Self = "error.public-api.exceeded-account-trading-allowance"
    /// The week's historical price points are used up.
    public static let exceededHistoricalDataAllowance: Self =
        "error.public-api.exceeded-account-historical-data-allowance"
    /// IG serves no API price data for this instrument (shares, the VIX).
    public static let equityAccessUnauthorised: Self = "unauthorised.access.to.equity.exception"
    /// IG does not know the epic.
    public static let epicUnavailable: Self = "error.service.marketdata.instrument.epic.unavailable"
    /// IG does not know the epic (the prices endpoint's code).
    public static let unsupportedEpic: Self = "error.unsupported.epic"
    /// More than 50 epics in one request.
    public static let tooManyEpics: Self = "error.public-api.too-many-epics"
    /// The account to switch to is already active.
    public static let switchAccountMustBeDifferent: Self = "error.switch.accountId-must-be-different"
    /// No such account for this login.
    public static let switchInvalidAccountId: Self = "error.switch.invalid-accountId"

    /// Whether the code says a session token (CST, X-SECURITY-TOKEN or OAuth access token) is missing or stale.
    public var isSessionTokenProblem: Bool {
        [
            Self.clientTokenInvalid, .clientTokenMissing, .accountTokenInvalid, .accountTokenMissing,
            .oauthTokenInvalid,
        ].contains(self)
    }

    /// Whether the code is one of IG's request-rate allowances (not the weekly historical-data allowance).
    public var isRateAllowance: Bool {
        [Self.exceededApiKeyAllowance, .exceededAccountAllowance, .exceededAccountTradingAllowance].contains(self)
    }
}
