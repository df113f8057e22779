import Foundation
import IGModels
import Logging

/// Owns the session's tokens: logs in, refreshes v3 tokens before they expire and re-authenticates when IG
/// refuses them, with one renewal in flight at a time however many requests are waiting.
actor SessionManager {
    /// What authenticates requests now.
    struct Auth: Sendable {
        enum Tokens: Sendable {
            case certificate(cst: String, securityToken: String)
            case oauth(
                access: String, refresh: String, type: String, expiresAt: ContinuousClock.Instant, lifetime: Duration)
        }
        var tokens: Tokens
        var session: IGSession
        /// Increases with every renewal, so a request can tell whether the tokens it used are still current.
        var generation: Int
        /// CST/XST obtained with `fetchSessionTokens` on a v3 session.
        var sessionTokens: SessionTokens?
        var origin: Origin

        enum Origin: Sendable { case login, refresh }
    }

    enum RenewalReason: Sendable { case login, expiring, rejected }

    let pipeline: HTTPPipeline
    let credentials: IGCredentials
    let configuration: IGClient.Configuration
    private let clock = ContinuousClock()
    private var auth: Auth?
    private var renewal: Task<Auth, any Error>?
    private var nextGeneration = 1
    private var statistics = SessionStatistics(logins: 0, refreshes: 0, rejections: 0)

    init(pipeline: HTTPPipeline, credentials: IGCredentials, configuration: IGClient.Configuration) {
        self.pipeline = pipeline
        self.credentials = credentials
        self.configuration = configuration
    }

    var current: IGSession? { auth?.session }
    var stats: SessionStatistics { statistics }
    var sessionTokens: SessionTokens? {
        guard let auth else { return nil }
        if case .certificate(let cst, let xst) = auth.tokens {
            return SessionTokens(clientToken: cst, accountToken: xst)
        }
        return auth.sessionTokens
    }

    /// Headers for a request, logging in or refreshing first when needed, and the account they act on.
    ///
    /// The account comes from the same session as the headers: a caller that waited for another's login resumes
    /// before ``current`` is set, and a request sent as if no account were known would escape the account's
    /// allowance window.
    func headers() async throws(IGError) -> (
        headers: [(name: String, value: String)], generation: Int, account: AccountId
    ) {
        let auth = try await validAuth()
        return (Self.headers(for: auth), auth.generation, auth.session.accountId)
    }

    /// IG refused the tokens of `generation`: renew once (whoever asks first) and return fresh headers and the
    /// account they act on.
    func headersAfterRejection(
        of generation: Int
    ) async throws(IGError) -> (
        headers: [(name: String, value: String)], account: AccountId
    ) {
        let auth: Auth
        if renewal == nil, let current = self.auth, current.generation == generation {
            statistics.rejections += 1
            auth = try await renew(.rejected)
        } else {
            auth = try await validAuth()
        }
        return (Self.headers(for: auth), auth.session.accountId)
    }

    /// Logs in now, replacing any session.
    func login() async throws(IGError) -> IGSession {
        try await renew(.login).session
    }

    private func validAuth() async throws(IGError) -> Auth {
        if let renewal { return try await Self.value(of: renewal) }
        if let auth, !needsRefresh(auth) { return auth }
        return try await renew(auth == nil ? .login : .expiring)
    }

    private func needsRefresh(_ auth: Auth) -> Bool {
        guard case .oauth(_, _, _, let expiresAt, let lifetime) = auth.tokens else { return false }
        let margin = min(configuration.refreshMargin, lifetime / 4)
        return clock.now >= expiresAt - margin
    }

    private func renew(_ reason: RenewalReason) async throws(IGError) -> Auth {
        if let renewal { return try await Self.value(of: renewal) }
        let previous = reason == .login ? nil : auth
        let generation = nextGeneration
        nextGeneration += 1
        let context = Context(pipeline: pipeline, credentials: credentials, configuration: configuration)
        let task = Task { try await context.establish(previous: previous, generation: generation) }
        renewal = task
        defer { renewal = nil }
        let fresh = try await Self.value(of: task)
        switch fresh.origin {
        case .login: statistics.logins += 1
        case .refresh: statistics.refreshes += 1
        }
        auth = fresh
        return fresh
    }

    /// Records the outcome of a switch of account.
    func switched(to accountId: AccountId, responseHeaders: IGHTTPResponse) {
        guard var current = auth else { return }
        current.session.accountId = accountId
        if let type = current.session.accounts.first(where: { $0.accountId == accountId })?.accountType {
            current.session.accountType = type
        }
        if case .certificate(let cst, let xst) = current.tokens {
            current.tokens = .certificate(
                cst: responseHeaders.header("CST") ?? cst,
                securityToken: responseHeaders.header("X-SECURITY-TOKEN") ?? xst)
        }
        auth = current
    }

    /// Records the CST/XST pair returned by `GET /session?fetchSessionTokens=true`.
    func received(sessionTokens: SessionTokens) {
        guard var current = auth else { return }
        switch current.tokens {
        case .certificate:
            current.tokens = .certificate(cst: sessionTokens.clientToken, securityToken: sessionTokens.accountToken)
        case .oauth:
            current.sessionTokens = sessionTokens
        }
        auth = current
    }

    /// Forgets the session (after logout).
    func clear() {
        auth = nil
    }

    /// Marks a v3 access token as due for refresh (tests use it to reach the refresh path without waiting).
    func markAccessTokenDue() {
        guard var current = auth, case .oauth(let access, let refresh, let type, _, let lifetime) = current.tokens
        else { return }
        current.tokens = .oauth(access: access, refresh: refresh, type: type, expiresAt: clock.now, lifetime: lifetime)
        auth = current
    }

    static func headers(for auth: Auth) -> [(name: String, value: String)] {
        switch auth.tokens {
        case .certificate(let cst, let xst):
            return [("CST", cst), ("X-SECURITY-TOKEN", xst)]
        case .oauth(let access, _, let type, _, _):
            return [("Authorization", "\(type) \(access)"), ("IG-ACCOUNT-ID", auth.session.accountId.rawValue)]
        }
    }

    private static func value(of task: Task<Auth, any Error>) async throws(IGError) -> Auth {
        do {
            return try await task.value
        } catch let error as IGError {
            throw error
        } catch {
            throw IGError(code: .notLoggedIn, operation: "login", underlying: error)
        }
    }
}
