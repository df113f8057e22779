import Foundation
public import IGModels

extension IGClient {
    /// Session operations: login, read, switch account, logout.
    public var session: Session { Session(client: self) }

    /// Session operations of an ``IGClient``.
    public struct Session: Sendable {
        let client: IGClient

        /// Logs in now (with the configured version and encryption), replacing any current session.
        @discardableResult
        public func login() async throws(IGError) -> IGSession {
            try await client.sessionManager.login()
        }

        /// The current session, if one is established.
        public var current: IGSession? {
            get async { await client.sessionManager.current }
        }

        /// Counters of logins, refreshes and token rejections.
        public var statistics: SessionStatistics {
            get async { await client.sessionManager.stats }
        }

        /// `GET /session`. With `fetchSessionTokens`, IG also returns the CST / X-SECURITY-TOKEN pair (for a v3
        /// session too), which the client keeps for streaming.
        public func read(fetchSessionTokens: Bool = false) async throws(IGError) -> SessionDetails {
            let request = IGRequest(
                .get, "/session",
                query: fetchSessionTokens ? [URLQueryItem(name: "fetchSessionTokens", value: "true")] : [])
            let response = try await client.perform(request)
            if fetchSessionTokens, let cst = response.header("CST"), let xst = response.header("X-SECURITY-TOKEN") {
                await client.sessionManager.received(sessionTokens: SessionTokens(clientToken: cst, accountToken: xst))
            }
            return try HTTPPipeline.decode(SessionDetails.self, from: response, request: request)
        }

        /// The CST / X-SECURITY-TOKEN pair of the session, fetching it for a v3 session when needed.
        public func tokens() async throws(IGError) -> SessionTokens {
            if let tokens = await client.sessionManager.sessionTokens { return tokens }
            _ = try await read(fetchSessionTokens: true)
            guard let tokens = await client.sessionManager.sessionTokens else {
                throw IGError(
                    code: .notLoggedIn, operation: "GET /session",
                    detail: "IG returned no CST / X-SECURITY-TOKEN headers")
            }
            return tokens
        }

        /// `PUT /session`: makes `accountId` the active account (optionally the default one). The session's tokens
        /// and, for v3, the `IG-ACCOUNT-ID` header follow the switch.
        @discardableResult
        public func switchAccount(
            to accountId: AccountId, makeDefault: Bool? = nil
        ) async throws(IGError) -> SwitchAccountResponse {
            struct Body: Encodable {
                var accountId: String
                var defaultAccount: Bool?
            }
            let request = IGRequest(
                .put, "/session", body: IGRequest.json(Body(accountId: accountId.rawValue, defaultAccount: makeDefault))
            )
            let response = try await client.perform(request)
            await client.sessionManager.switched(to: accountId, responseHeaders: response)
            return try HTTPPipeline.decode(SwitchAccountResponse.self, from: response, request: request)
        }

        /// `DELETE /session`: ends the session at IG and forgets its tokens. Does nothing without a session.
        public func logout() async throws(IGError) {
            guard await client.sessionManager.current != nil else { return }
            _ = try await client.perform(IGRequest(.delete, "/session"))
            await client.sessionManager.clear()
        }

        /// `GET /session/encryptionKey`.
        public func encryptionKey() async throws(IGError) -> EncryptionKey {
            let request = IGRequest(.get, "/session/encryptionKey", authentication: .apiKeyOnly)
            return try await client.decoded(EncryptionKey.self, request)
        }
    }
}
