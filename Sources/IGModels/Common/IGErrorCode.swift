/// The `errorCode` string of an IG error body (`{"errorCode": "error.security.invalid-details"}`).
///
/// The set is open: IG adds codes, and validation codes embed field names. Known codes are static constants.
public struct IGErrorCode: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let invalidDetails: Self = "error.security.invalid-details"
    public static let tooManyFailedAttempts: Self = "error.security.too-many-failed-attempts"
    public static let apiKeyMissing: Self = "error.security.api-key-missing"
    public static let apiKeyInvalid: Self = "error.security.api-key-invalid"
    public static let apiKeyDisabled: Self = "error.security.api-key-disabled"
    public static let apiKeyRevoked: Self = "error.security.api-key-revoked"
    public static let apiKeyRestricted: Self = "error.security.api-key-restricted"
    public static let clientTokenInvalid: Self = "error.security.client-token-invalid"
    public static let clientTokenMissing: Self = "error.security.client-token-missing"
    public static let accountTokenInvalid: Self = "error.security.account-token-invalid"
    public static let accountTokenMissing: Self = "error.security.account-token-missing"
    public static let oauthTokenInvalid: Self = "error.security.oauth-token-invalid"
    public static let stockbrokingNotSupported: Self = "error.public-api.failure.stockbroking-not-supported"
    public static let encryptionRequired: Self = "error.public-api.failure.encryption.required"
    public static let kycRequired: Self = "error.public-api.failure.kyc.required"
    public static let exceededApiKeyAllowance: Self = "error.public-api.exceeded-api-key-allowance"
    public static let exceededAccountAllowance: Self = "error.public-api.exceeded-account-allowance"
    public static let exceededAccountTradingAllowance: Self = "error.public-api.exceeded-account-trading-allowance"
    public static let exceededHistoricalDataAllowance: Self =
        "error.public-api.exceeded-account-historical-data-allowance"
    public static let equityAccessUnauthorised: Self = "unauthorised.access.to.equity.exception"
    public static let epicUnavailable: Self = "error.service.marketdata.instrument.epic.unavailable"
    public static let tooManyEpics: Self = "error.public-api.too-many-epics"
    public static let switchAccountMustBeDifferent: Self = "error.switch.accountId-must-be-different"
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
