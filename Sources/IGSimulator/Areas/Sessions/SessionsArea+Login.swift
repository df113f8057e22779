import Foundation

// POST /session, in steps: read the body, check the credentials, open the session, answer in the version's shape.

extension SessionsArea {
    /// A login whose credentials checked out.
    struct Login {
        var identifier: String
        var encrypted: Bool
        var version: Int
    }

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

    func loginFailure(_ status: Int, _ code: String) -> RESTError {
        self.count { $0.failedLogins += 1 }
        return RESTError(status: status, code: code)
    }

    /// `POST /session` v1, v2 (CST/XST headers) and v3 (OAuth tokens in the body).
    func createSession(_ call: Call) throws -> RESTResponse {
        let login = try self.checkLogin(call)
        if login.version >= 3 {
            return self.openOAuthSession(login, call)
        }
        return self.openCertificateSession(login, call)
    }

    /// Reads the login body and checks identifier and password; throws IG's error for each refusal.
    private func checkLogin(_ call: Call) throws -> Login {
        let version = Swift.min(call.request.version, 3)
        let body: SimulatorJSON
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
        let password = try self.plainPassword(suppliedPassword, encrypted: encrypted)
        let login = Login(identifier: identifier, encrypted: encrypted, version: version)
        try self.checkIdentity(login, password: password)
        return login
    }

    /// The password as typed: decrypted when the client sent it encrypted.
    private func plainPassword(_ supplied: String, encrypted: Bool) throws -> String {
        guard encrypted else { return supplied }
        guard let plaintext = self.context.encryptionKey.decrypt(supplied),
            let parts = PasswordEncryptionKey.splitPassword(plaintext)
        else { throw self.loginFailure(401, "error.security.invalid-details") }
        return parts.password
    }

    /// Checks the identifier and password against the simulator's identities and their special refusals.
    private func checkIdentity(_ login: Login, password: String) throws {
        let identities = [
            self.configuration.identifier,
            SimulatorConfiguration.stockbrokingIdentifier,
            SimulatorConfiguration.kycIdentifier,
            SimulatorConfiguration.encryptionRequiredIdentifier,
        ]
        let team = IGSimulator.teamIdentifiers(self.configuration)
        guard identities.contains(login.identifier) || team.contains(login.identifier),
            password == self.configuration.password
        else {
            throw self.loginFailure(401, "error.security.invalid-details")
        }
        if login.identifier == SimulatorConfiguration.kycIdentifier {
            throw self.loginFailure(401, "error.public-api.failure.kyc.required")
        }
        if login.identifier == SimulatorConfiguration.encryptionRequiredIdentifier, !login.encrypted {
            throw self.loginFailure(400, "error.public-api.failure.encryption.required")
        }
        if login.identifier == SimulatorConfiguration.stockbrokingIdentifier, login.version < 3 {
            throw self.loginFailure(403, "error.public-api.failure.stockbroking-not-supported")
        }
    }

    /// Counts a successful login.
    private func countLogin(_ login: Login) {
        self.count { statistics in
            statistics.logins[login.version, default: 0] += 1
            if login.encrypted { statistics.encryptedLogins += 1 }
        }
    }

    /// v3: OAuth tokens in the body.
    private func openOAuthSession(_ login: Login, _ call: Call) -> RESTResponse {
        let accountId = self.preferences.preferredAccountId
        let session = self.tokens.withLock {
            $0.openOAuthSession(identifier: login.identifier, accountId: accountId, now: call.now)
        }
        self.countLogin(login)
        return .ok([
            "clientId": .string(self.context.clientId),
            "accountId": .string(accountId),
            "timezoneOffset": .int(self.timezoneOffset(call.now)),
            "lightstreamerEndpoint": .string(self.context.lightstreamerEndpoint(for: call.request)),
            "oauthToken": self.oauthTokenJSON(session),
        ])
    }

    /// v1 and v2: CST/XST in the headers, the accounts in the body.
    private func openCertificateSession(_ login: Login, _ call: Call) -> RESTResponse {
        let preferredId = self.preferences.preferredAccountId
        let session = self.tokens.withLock {
            $0.openCertificateSession(identifier: login.identifier, accountId: preferredId, now: call.now)
        }
        self.countLogin(login)
        let trailingStops = self.preferences.trailingStops(session.accountId) ?? false
        let current = self.account(session.accountId) ?? self.accounts[0]
        let answer: SimulatorJSON = [
            "accountType": .string(current.accountType),
            "accountInfo": self.context.balanceJSON(current),
            "currencyIsoCode": .string(current.currency),
            "currencySymbol": .string(current.currencySymbol),
            "currentAccountId": .string(current.accountId),
            "lightstreamerEndpoint": .string(self.context.lightstreamerEndpoint(for: call.request)),
            "accounts": .array(
                self.accounts.map { account in
                    [
                        "accountId": .string(account.accountId),
                        "accountName": .string(account.accountName),
                        "preferred": .bool(account.accountId == session.accountId),
                        "accountType": .string(account.accountType),
                    ]
                }),
            "clientId": .string(self.context.clientId),
            "timezoneOffset": .int(self.timezoneOffset(call.now)),
            "hasActiveDemoAccounts": true,
            "hasActiveLiveAccounts": false,
            "trailingStopsEnabled": .bool(trailingStops),
            "reroutingEnvironment": nil,
            "dealingEnabled": true,
        ]
        return .ok(answer, headers: self.tokenHeaders(session.clientToken, session.accountToken))
    }

    func oauthTokenJSON(_ session: TokenAuthority.LoginSession) -> SimulatorJSON {
        let lifetime = Int(self.configuration.accessTokenLifetime.timeInterval.rounded())
        return [
            "access_token": .string(session.accessToken),
            "refresh_token": .string(session.refreshToken),
            "scope": "profile",
            "token_type": "Bearer",
            "expires_in": .string(String(lifetime)),
        ]
    }

    func tokenHeaders(_ clientToken: String?, _ accountToken: String?) -> [(String, String)] {
        var headers = [(String, String)]()
        if let clientToken { headers.append(("CST", clientToken)) }
        if let accountToken { headers.append(("X-SECURITY-TOKEN", accountToken)) }
        return headers
    }
}
