public import IGModels

extension IGError {
    /// Builds the error for an IG error response, with a hint for the cases users run into. `published`, the
    /// allowances the server published for the API key when the client read them, puts the real numbers in the
    /// hints of allowance errors.
    static func http(
        status: Int, errorCode: IGErrorCode?, operation: String, environment: String, published: IGAllowances? = nil
    ) -> IGError {
        IGError(
            code: .httpStatus, operation: operation, httpStatus: status, errorCode: errorCode,
            hint: errorCode.flatMap { hint(for: $0, environment: environment, published: published) }
                ?? hint(forStatus: status))
    }

    /// The error's own hint, else the one for its IG `errorCode` (an error built elsewhere may carry the code
    /// without the hint); `nil` when there is nothing useful to add.
    public var advice: String? {
        hint ?? errorCode.flatMap { Self.hint(for: $0) }
    }

    /// A human hint for an IG `errorCode`, or `nil` when there is nothing useful to add. With `published` (the
    /// allowances the server published for the API key), an allowance error's hint names the allowance; without, it
    /// says where to read it rather than guess (IG's numbers differ by key, account and environment).
    public static func hint(
        for code: IGErrorCode, environment: String = "demo", published: IGAllowances? = nil
    ) -> String? {
        switch code {
        case .invalidDetails:
            return "IG rejected the identifier or password. Check them, and check they belong to this environment "
                + "(\(environment)): DEMO and LIVE accounts have separate logins and separate API keys. "
                + "(In trading-ig this surfaced as `KeyError: CST`.)"
        case .tooManyFailedAttempts:
            return "Too many failed logins: IG has locked logins for a while. Wait, then log in on IG's web "
                + "platform to unlock before trying again."
        case .apiKeyMissing:
            return "No API key was sent. Set IG_SERVICE_API_KEY (or the apiKey of your credentials)."
        case .apiKeyInvalid, .apiKeyDisabled, .apiKeyRevoked, .apiKeyRestricted:
            return "IG does not accept this API key here. Keys are per environment: a DEMO key only works on "
                + "demo-api.ig.com and a LIVE key on api.ig.com. Check the key is enabled under My Account → "
                + "Settings → API keys on IG's web platform."
        case .stockbrokingNotSupported:
            return "Your default account is a share-dealing, ISA or SIPP account, which the API cannot log in to "
                + "with session v1/v2. Make a spread-bet or CFD account the default on IG's web platform, or log "
                + "in with session version 3 (Configuration.sessionVersion = .v3) and choose the account id."
        case .encryptionRequired:
            return "IG requires an encrypted password for this login. Set Configuration.passwordEncryption to "
                + ".always (or .automatic, which retries encrypted by itself)."
        case .exceededApiKeyAllowance:
            return "Your application (API key) sent more requests per minute than IG allows it"
                + allowance(published?.applicationOverall, of: "this key") + ", counting every program that uses "
                + "the key. Slow down or spread calls over time; the allowance frees itself within a minute."
        case .exceededAccountAllowance:
            return "This account sent more non-trading requests per minute than IG allows it"
                + allowance(published?.accountOverall, of: "this account") + ", counting every program that uses "
                + "the account. Wait up to a minute, then retry with fewer requests."
        case .exceededAccountTradingAllowance:
            return "This account sent more trading requests per minute than IG allows it"
                + allowance(published?.accountTrading, of: "this account's trading requests")
                + ". Wait up to a minute before dealing again."
        case .exceededHistoricalDataAllowance:
            return "The weekly historical price allowance (10,000 points on LIVE) is used up. It resets at the time "
                + "given by `allowanceExpiry` in the last price response. Ask for fewer points, and keep what you fetch so "
                + "no bar is paid twice: `ig prices --store` and `ig history sync` on the command line, `PriceCache` "
                + "(IGMarketDataSync) in Swift."
        case .kycRequired:
            return "IG needs you to confirm your details (KYC) before the API may log in. Log in on IG's web "
                + "platform, complete the pending form, then try again."
        case .equityAccessUnauthorised:
            return "IG serves no price data for this instrument through the API (shares and some indices such as "
                + "the VIX have no API price access). Pick another epic, e.g. search for a CFD or index market."
        case .clientTokenInvalid, .accountTokenInvalid, .oauthTokenInvalid:
            return "The session tokens have expired or were invalidated (IG wipes them at weekends and after "
                + "logout). IGClient logs in again by itself; seeing this means the re-login failed as well."
        case .clientTokenMissing, .accountTokenMissing:
            return "The request carried no session tokens. Log in first (client.session.login())."
        case .epicUnavailable, .unsupportedEpic:
            return "IG does not know this epic. Find the right one with `ig markets search TERM`."
        case .tooManyEpics:
            return "IG accepts at most 50 epics per request. Split the list."
        case .switchAccountMustBeDifferent:
            return "That account is already the active one."
        case .switchInvalidAccountId:
            return "No account with that id belongs to this login. List them with `ig accounts`."
        default:
            return nil
        }
    }

    /// The per-minute allowance as the server published it, else where to read it (`ig apps`, `ig limits`).
    private static func allowance(_ published: Int?, of whose: String) -> String {
        if let published { return " (\(published) a minute for \(whose), as the server publishes it)" }
        return " (the server publishes the allowances of each API key: `ig apps` lists them, `ig limits` shows "
            + "those in force)"
    }

    static func hint(forStatus status: Int) -> String? {
        switch status {
        case 500...599: "IG had a server problem. Reads can be retried; check a deal's outcome before repeating it."
        case 404: "IG does not know this resource (wrong path, epic or id)."
        default: nil
        }
    }
}
