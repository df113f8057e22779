import Foundation

// POST/GET/PUT/DELETE /session, /session/encryptionKey, /session/refresh-token.

extension SimulatorCore {
    /// IG's identifier pattern `[A-Za-z0-9\-_]{1,30}`.
    static func isValidIdentifier(_ identifier: String) -> Bool {
        (1...30).contains(identifier.count)
            && identifier.unicodeScalars.allSatisfy {
                ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_"
            }
    }

    /// The UK offset in hours now (IG's `timezoneOffset` for a UK account).
    func timezoneOffset(_ now: Date) -> Int {
        CivilTime.londonOffsetHours(utcSeconds: Int64(now.timeIntervalSince1970))
    }

    private func loginFailure(_ status: Int, _ code: String) -> RESTError {
        self.state.withLock { $0.statistics.failedLogins += 1 }
        return RESTError(status: status, code: code)
    }

    /// `POST /session` v1, v2 (CST/XST headers) and v3 (OAuth tokens in the body).
    func createSession(_ call: Call) throws -> RESTResponse {
        let version = Swift.min(call.request.version, 3)
        let body: JSONValue
        do {
            body = try call.request.json()
        } catch {
            throw self.loginFailure(400, "invalid.input")
        }
        guard case .object = body else {
            throw self.loginFailure(400, "validation.null-not-allowed.authenticationRequest")
        }
        guard let identifier = body["identifier"]?.stringValue, !identifier.isEmpty else {
            throw self.loginFailure(400, "validation.null-not-allowed.authenticationRequest.identifier")
        }
        guard identifier == self.configuration.identifier || Self.isValidIdentifier(identifier) else {
            throw self.loginFailure(400, "validation.pattern.invalid.authenticationRequest.identifier")
        }
        guard let suppliedPassword = body["password"]?.stringValue, !suppliedPassword.isEmpty else {
            throw self.loginFailure(400, "validation.null-not-allowed.authenticationRequest.password")
        }
        let encrypted = body["encryptedPassword"]?.boolValue ?? false
        var password = suppliedPassword
        if encrypted {
            guard let plaintext = self.encryptionKey.decrypt(suppliedPassword),
                let parts = PasswordEncryptionKey.splitPassword(plaintext)
            else { throw self.loginFailure(401, "error.security.invalid-details") }
            password = parts.password
        }
        let identities = [
            self.configuration.identifier,
            SimulatorConfiguration.stockbrokingIdentifier,
            SimulatorConfiguration.kycIdentifier,
            SimulatorConfiguration.encryptionRequiredIdentifier,
        ]
        guard identities.contains(identifier), password == self.configuration.password else {
            throw self.loginFailure(401, "error.security.invalid-details")
        }
        if identifier == SimulatorConfiguration.kycIdentifier {
            throw self.loginFailure(401, "error.public-api.failure.kyc.required")
        }
        if identifier == SimulatorConfiguration.encryptionRequiredIdentifier, !encrypted {
            throw self.loginFailure(400, "error.public-api.failure.encryption.required")
        }
        if identifier == SimulatorConfiguration.stockbrokingIdentifier, version < 3 {
            throw self.loginFailure(403, "error.public-api.failure.stockbroking-not-supported")
        }

        let endpoint = self.lightstreamerEndpoint(for: call.request)
        let offset = self.timezoneOffset(call.now)
        if version >= 3 {
            let (session, accountId) = self.state.withLock { state in
                let accountId = state.preferredAccountId
                let session = state.tokens.openOAuthSession(identifier: identifier, accountId: accountId, now: call.now)
                state.statistics.logins[3, default: 0] += 1
                if encrypted { state.statistics.encryptedLogins += 1 }
                return (session, accountId)
            }
            return .ok([
                "clientId": .string(self.clientId),
                "accountId": .string(accountId),
                "timezoneOffset": .int(offset),
                "lightstreamerEndpoint": .string(endpoint),
                "oauthToken": self.oauthTokenJSON(session),
            ])
        }

        let (session, preferences) = self.state.withLock { state in
            let session = state.tokens.openCertificateSession(
                identifier: identifier, accountId: state.preferredAccountId)
            state.statistics.logins[version, default: 0] += 1
            if encrypted { state.statistics.encryptedLogins += 1 }
            return (session, state.trailingStopsEnabled[session.accountId] ?? false)
        }
        let current = self.account(session.accountId) ?? self.accounts[0]
        let preferredId = session.accountId
        let answer: JSONValue = [
            "accountType": .string(current.accountType),
            "accountInfo": self.balanceJSON(current),
            "currencyIsoCode": .string(current.currency),
            "currencySymbol": .string(current.currencySymbol),
            "currentAccountId": .string(current.accountId),
            "lightstreamerEndpoint": .string(endpoint),
            "accounts": .array(
                self.accounts.map { account in
                    [
                        "accountId": .string(account.accountId),
                        "accountName": .string(account.accountName),
                        "preferred": .bool(account.accountId == preferredId),
                        "accountType": .string(account.accountType),
                    ]
                }),
            "clientId": .string(self.clientId),
            "timezoneOffset": .int(offset),
            "hasActiveDemoAccounts": true,
            "hasActiveLiveAccounts": false,
            "trailingStopsEnabled": .bool(preferences),
            "reroutingEnvironment": nil,
            "dealingEnabled": true,
        ]
        return .ok(answer, headers: self.tokenHeaders(session.clientToken, session.accountToken))
    }

    /// `GET /session` (+ `fetchSessionTokens=true` puts CST/XST in the headers, also for OAuth callers).
    func readSession(_ call: Call) throws -> RESTResponse {
        let principal = call.authenticated
        var headers = [(String, String)]()
        if call.request.queryValue("fetchSessionTokens")?.lowercased() == "true" {
            let tokens = self.state.withLock {
                $0.tokens.sessionTokens(sessionId: principal.sessionId, accountId: principal.accountId)
            }
            headers = self.tokenHeaders(tokens?.clientToken, tokens?.accountToken)
        }
        let account = self.account(principal.accountId) ?? self.accounts[0]
        return .ok(
            [
                "clientId": .string(self.clientId),
                "accountId": .string(principal.accountId),
                "timezoneOffset": .int(self.timezoneOffset(call.now)),
                "locale": "en_GB",
                "currency": .string(account.currency),
                "lightstreamerEndpoint": .string(self.lightstreamerEndpoint(for: call.request)),
            ],
            headers: headers
        )
    }

    /// `PUT /session`: switch the active account; answers new tokens in the headers.
    func switchAccount(_ call: Call) throws -> RESTResponse {
        let principal = call.authenticated
        let body = try call.request.json()
        guard let accountId = body["accountId"]?.stringValue, !accountId.isEmpty else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.request.accountId")
        }
        guard accountId != principal.accountId else {
            throw RESTError(status: 412, code: "error.switch.accountId-must-be-different")
        }
        guard self.account(accountId) != nil else {
            throw RESTError(status: 400, code: "error.switch.invalid-accountId")
        }
        let makeDefault = body["defaultAccount"]?.boolValue ?? false
        let (tokens, trailingStops) = self.state.withLock { state in
            if makeDefault { state.preferredAccountId = accountId }
            state.statistics.accountSwitches += 1
            return (
                state.tokens.switchAccount(sessionId: principal.sessionId, to: accountId),
                state.trailingStopsEnabled[accountId] ?? false
            )
        }
        return .ok(
            [
                "trailingStopsEnabled": .bool(trailingStops),
                "dealingEnabled": true,
                "hasActiveDemoAccounts": true,
                "hasActiveLiveAccounts": false,
            ],
            headers: self.tokenHeaders(tokens?.clientToken, tokens?.accountToken)
        )
    }

    /// `DELETE /session` (or POST + `_method: DELETE`): 204, and the session's tokens die.
    func logout(_ call: Call) throws -> RESTResponse {
        let principal = call.authenticated
        self.state.withLock { state in
            state.tokens.close(sessionId: principal.sessionId)
            state.statistics.logouts += 1
        }
        return RESTResponse(status: 204, body: nil)
    }

    /// `GET /session/encryptionKey`: the RSA public key and the current time in milliseconds.
    func encryptionKey(_ call: Call) throws -> RESTResponse {
        .ok([
            "encryptionKey": .string(self.encryptionKey.publicKeyBase64),
            "timeStamp": .int(Int((call.now.timeIntervalSince1970 * 1000).rounded(.down))),
        ])
    }

    /// `POST /session/refresh-token`: needs only the API key; a dead refresh token is a 401.
    func refreshToken(_ call: Call) throws -> RESTResponse {
        let body = try call.request.json()
        guard let token = body["refresh_token"]?.stringValue, !token.isEmpty else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.request.refresh_token")
        }
        let session = self.state.withLock { state in
            let session = state.tokens.refresh(refreshToken: token, now: call.now)
            if session == nil {
                state.statistics.failedRefreshes += 1
            } else {
                state.statistics.refreshes += 1
            }
            return session
        }
        guard let session else { throw RESTError(status: 401, code: "error.security.oauth-token-invalid") }
        return .ok(self.oauthTokenJSON(session))
    }

    // MARK: Helpers

    func oauthTokenJSON(_ session: TokenAuthority.LoginSession) -> JSONValue {
        let lifetime = Int(self.configuration.accessTokenLifetime.timeInterval.rounded())
        return [
            "access_token": .string(session.accessToken),
            "refresh_token": .string(session.refreshToken),
            "scope": "profile",
            "token_type": "Bearer",
            "expires_in": .string(String(lifetime)),
        ]
    }

    func balanceJSON(_ account: SimulatedAccount) -> JSONValue {
        self.dealingBalanceJSON(account)
    }

    private func tokenHeaders(_ clientToken: String?, _ accountToken: String?) -> [(String, String)] {
        var headers = [(String, String)]()
        if let clientToken { headers.append(("CST", clientToken)) }
        if let accountToken { headers.append(("X-SECURITY-TOKEN", accountToken)) }
        return headers
    }
}
