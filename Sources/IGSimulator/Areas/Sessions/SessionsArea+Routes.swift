import Foundation

// GET/PUT/DELETE /session, /session/encryptionKey, /session/refresh-token.

extension SessionsArea {
    /// `GET /session` (+ `fetchSessionTokens=true` puts CST/XST in the headers, also for OAuth callers).
    func readSession(_ call: Call) throws -> RESTResponse {
        let principal = call.authenticated
        var headers = [(String, String)]()
        if call.request.queryValue("fetchSessionTokens")?.lowercased() == "true" {
            let tokens = self.tokens.withLock {
                $0.sessionTokens(sessionId: principal.sessionId, accountId: principal.accountId)
            }
            headers = self.tokenHeaders(tokens?.clientToken, tokens?.accountToken)
        }
        let account = self.account(principal.accountId) ?? self.accounts[0]
        return .ok(
            [
                "clientId": .string(self.context.clientId),
                "accountId": .string(principal.accountId),
                "timezoneOffset": .int(self.timezoneOffset(call.now)),
                "locale": "en_GB",
                "currency": .string(account.currency),
                "lightstreamerEndpoint": .string(self.context.lightstreamerEndpoint(for: call.request)),
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
        if makeDefault { self.preferences.preferredAccountId = accountId }
        self.count { $0.accountSwitches += 1 }
        let tokens = self.tokens.withLock { $0.switchAccount(sessionId: principal.sessionId, to: accountId) }
        let trailingStops = self.preferences.trailingStops(accountId) ?? false
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
        self.tokens.withLock { $0.close(sessionId: principal.sessionId) }
        self.count { $0.logouts += 1 }
        return RESTResponse(status: 204, body: nil)
    }

    /// `GET /session/encryptionKey`: the RSA public key and the current time in milliseconds.
    func encryptionKey(_ call: Call) throws -> RESTResponse {
        .ok([
            "encryptionKey": .string(self.context.encryptionKey.publicKeyBase64),
            "timeStamp": .int(Int((call.now.timeIntervalSince1970 * 1000).rounded(.down))),
        ])
    }

    /// `POST /session/refresh-token`: needs only the API key; a dead refresh token is a 401.
    func refreshToken(_ call: Call) throws -> RESTResponse {
        let body = try call.request.json()
        guard let token = body["refresh_token"]?.stringValue, !token.isEmpty else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.request.refresh_token")
        }
        let session = self.tokens.withLock { $0.refresh(refreshToken: token, now: call.now) }
        self.count { statistics in
            if session == nil {
                statistics.failedRefreshes += 1
            } else {
                statistics.refreshes += 1
            }
        }
        guard let session else { throw RESTError(status: 401, code: "error.security.oauth-token-invalid") }
        return .ok(self.oauthTokenJSON(session))
    }
}
