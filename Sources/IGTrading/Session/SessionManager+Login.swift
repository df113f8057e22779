import Foundation
import IGModels
import Logging

extension SessionManager {
    /// The non-isolated part of a renewal: the HTTP exchanges of login, refresh and account selection.
    struct Context: Sendable {
        let pipeline: HTTPPipeline
        let credentials: IGCredentials
        let configuration: IGClient.Configuration

        private var logger: Logger { pipeline.logger }

        /// Refreshes a v3 session when possible, otherwise logs in.
        func establish(previous: Auth?, generation: Int) async throws(IGError) -> Auth {
            if let previous, case .oauth(_, let refreshToken, _, _, _) = previous.tokens {
                do {
                    return try await refresh(previous: previous, refreshToken: refreshToken, generation: generation)
                } catch let error where error.httpStatus.map({ (400..<500).contains($0) }) ?? false {
                    logger.info(
                        "IG refused the refresh token; logging in again",
                        metadata: ["errorCode": "\(error.errorCode?.rawValue ?? "-")"])
                }
            }
            return try await login(generation: generation)
        }

        private var wantedAccount: AccountId? { configuration.accountId ?? credentials.accountId }

        func login(generation: Int) async throws(IGError) -> Auth {
            switch configuration.sessionVersion {
            case .v3: return try await loginOAuth(generation: generation)
            case .v1, .v2: return try await loginCertificate(generation: generation)
            }
        }

        private struct LoginBody: Encodable {
            var identifier: String
            var password: String
            var encryptedPassword: Bool?
        }

        private func loginCertificate(generation: Int) async throws(IGError) -> Auth {
            let response: IGHTTPResponse
            switch configuration.passwordEncryption {
            case .never:
                response = try await postCertificateLogin(encrypted: false)
            case .always:
                response = try await postCertificateLogin(encrypted: true)
            case .automatic:
                do {
                    response = try await postCertificateLogin(encrypted: false)
                } catch let error where error.errorCode == .encryptionRequired {
                    logger.info("IG requires an encrypted password; logging in again with encryption")
                    response = try await postCertificateLogin(encrypted: true)
                }
            }
            let operation = "POST /session v\(configuration.sessionVersion.rawValue)"
            let body = try HTTPPipeline.decode(
                AuthenticationResponse.self, from: response,
                request: IGRequest(.post, "/session", operation: operation))
            guard let cst = response.header("CST"), let xst = response.header("X-SECURITY-TOKEN") else {
                throw IGError(
                    code: .decoding, operation: operation, httpStatus: response.status,
                    detail: "the login response carried no CST / X-SECURITY-TOKEN headers",
                    hint: "The server accepted the login but sent no session tokens. Check the base URL points at "
                        + "an IG gateway (…/gateway/deal) and that a proxy does not strip headers.")
            }
            var auth = Auth(
                tokens: .certificate(cst: cst, securityToken: xst),
                session: IGSession(
                    version: configuration.sessionVersion, clientId: body.clientId, accountId: body.currentAccountId,
                    accounts: body.accounts ?? [], accountType: body.accountType, currency: body.currencyIsoCode,
                    lightstreamerEndpoint: body.lightstreamerEndpoint.flatMap(URL.init(string:)),
                    timezoneOffset: body.timezoneOffset),
                generation: generation, sessionTokens: nil, origin: .login)
            logger.info(
                "Logged in to IG",
                metadata: [
                    "version": "\(configuration.sessionVersion.rawValue)", "account": "\(body.currentAccountId)",
                ])
            if let wanted = wantedAccount, wanted != body.currentAccountId {
                try await switchAccount(&auth, to: wanted)
            }
            return auth
        }

        private func postCertificateLogin(encrypted: Bool) async throws(IGError) -> IGHTTPResponse {
            var password = credentials.password
            if encrypted {
                let keyRequest = IGRequest(.get, "/session/encryptionKey", authentication: .apiKeyOnly)
                let key = try HTTPPipeline.decode(
                    EncryptionKey.self, from: try await pipeline.send(keyRequest), request: keyRequest)
                password = try PasswordEncryptor.encrypt(password: password, with: key)
            }
            let body = LoginBody(
                identifier: credentials.identifier, password: password, encryptedPassword: encrypted ? true : nil)
            let version = configuration.sessionVersion.rawValue
            return try await pipeline.send(
                IGRequest(
                    .post, "/session", version: version, body: IGRequest.json(body), authentication: .apiKeyOnly,
                    operation: "POST /session v\(version)\(encrypted ? " (encrypted password)" : "")"))
        }

        private func switchAccount(_ auth: inout Auth, to accountId: AccountId) async throws(IGError) {
            struct SwitchBody: Encodable { var accountId: String }
            let response = try await pipeline.send(
                IGRequest(.put, "/session", body: IGRequest.json(SwitchBody(accountId: accountId.rawValue))),
                authHeaders: SessionManager.headers(for: auth))
            if case .certificate(let cst, let xst) = auth.tokens {
                auth.tokens = .certificate(
                    cst: response.header("CST") ?? cst, securityToken: response.header("X-SECURITY-TOKEN") ?? xst)
            }
            auth.session.accountId = accountId
            auth.session.accountType =
                auth.session.accounts.first(where: { $0.accountId == accountId })?.accountType
                ?? auth.session.accountType
        }

        private func loginOAuth(generation: Int) async throws(IGError) -> Auth {
            let request = IGRequest(
                .post, "/session", version: 3,
                body: IGRequest.json(LoginBody(identifier: credentials.identifier, password: credentials.password)),
                authentication: .apiKeyOnly, operation: "POST /session v3")
            let body = try HTTPPipeline.decode(
                OAuthAuthenticationResponse.self, from: try await pipeline.send(request), request: request)
            let lifetime = Duration.seconds(body.oauthToken.lifetimeSeconds)
            logger.info("Logged in to IG", metadata: ["version": "3", "account": "\(wantedAccount ?? body.accountId)"])
            return Auth(
                tokens: .oauth(
                    access: body.oauthToken.accessToken, refresh: body.oauthToken.refreshToken,
                    type: body.oauthToken.tokenType ?? "Bearer", expiresAt: ContinuousClock.now + lifetime,
                    lifetime: lifetime),
                session: IGSession(
                    version: .v3, clientId: body.clientId, accountId: wantedAccount ?? body.accountId, accounts: [],
                    accountType: nil, currency: nil,
                    lightstreamerEndpoint: body.lightstreamerEndpoint.flatMap(URL.init(string:)),
                    timezoneOffset: body.timezoneOffset),
                generation: generation, sessionTokens: nil, origin: .login)
        }

        private func refresh(previous: Auth, refreshToken: String, generation: Int) async throws(IGError) -> Auth {
            struct RefreshBody: Encodable {
                var refreshToken: String
                enum CodingKeys: String, CodingKey { case refreshToken = "refresh_token" }
            }
            let request = IGRequest(
                .post, "/session/refresh-token", body: IGRequest.json(RefreshBody(refreshToken: refreshToken)),
                authentication: .apiKeyOnly)
            let token = try HTTPPipeline.decode(
                OAuthToken.self, from: try await pipeline.send(request), request: request)
            let lifetime = Duration.seconds(token.lifetimeSeconds)
            logger.debug("Refreshed the IG access token", metadata: ["lifetimeSeconds": "\(token.lifetimeSeconds)"])
            var auth = previous
            auth.tokens = .oauth(
                access: token.accessToken, refresh: token.refreshToken, type: token.tokenType ?? "Bearer",
                expiresAt: ContinuousClock.now + lifetime, lifetime: lifetime)
            auth.generation = generation
            auth.origin = .refresh
            return auth
        }
    }
}
