import Foundation

/// Issues and checks IG's session tokens: v1/v2 CST + X-SECURITY-TOKEN pairs and v3 OAuth access/refresh tokens.
///
/// A pure value type: the caller passes the current time, so expiry is testable without waiting.
struct TokenAuthority: Sendable {
    /// One login (of any version) and the tokens it holds.
    struct LoginSession: Sendable, Hashable {
        let id: Int
        let identifier: String
        var accountId: String
        var clientToken: String?
        var accountToken: String?
        var accessToken: String?
        var accessExpiry: Date
        var refreshToken: String?
        var refreshExpiry: Date
        /// When a request last authenticated with the session (CST/XST die after ``inactivityLimit`` without use).
        var lastUsed: Date
    }

    /// Tokens a request presented.
    struct Credentials: Sendable {
        var clientToken: String?
        var accountToken: String?
        var bearerToken: String?
        var accountId: String?
    }

    /// Who a request is, once authenticated.
    struct Principal: Sendable, Hashable {
        let sessionId: Int
        let identifier: String
        /// The account the request applies to.
        let accountId: String
        /// True when authenticated by the OAuth bearer rather than CST/XST.
        let viaOAuth: Bool
    }

    /// Why authentication failed; each maps to an IG error code.
    enum Failure: Error, Equatable {
        case clientTokenMissing
        case accountTokenMissing
        case clientTokenInvalid
        case accountTokenInvalid
        case oauthTokenInvalid
        case accountAccessDenied
    }

    var accessTokenLifetime: TimeInterval
    var refreshTokenLifetime: TimeInterval
    /// How long a CST/XST pair lives without being used (IG: initially 6 hours).
    var inactivityLimit: TimeInterval = 6 * 3_600
    /// The most login sessions kept; past it, opening one discards the least recently used.
    var maximumSessions = 10_000
    private(set) var sessions: [Int: LoginSession] = [:]
    private var nextId = 1

    init(accessTokenLifetime: TimeInterval, refreshTokenLifetime: TimeInterval) {
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
    }

    // MARK: Issuing

    /// A v1/v2 login: a fresh CST and X-SECURITY-TOKEN.
    mutating func openCertificateSession(identifier: String, accountId: String, now: Date = Date()) -> LoginSession {
        self.prune(now: now)
        let session = LoginSession(
            id: self.takeId(),
            identifier: identifier,
            accountId: accountId,
            clientToken: Self.hexToken(bytes: 32),
            accountToken: Self.hexToken(bytes: 34),
            accessToken: nil,
            accessExpiry: .distantPast,
            refreshToken: nil,
            refreshExpiry: .distantPast,
            lastUsed: now
        )
        self.sessions[session.id] = session
        return session
    }

    /// A v3 login: a fresh access and refresh token.
    mutating func openOAuthSession(identifier: String, accountId: String, now: Date) -> LoginSession {
        self.prune(now: now)
        let session = LoginSession(
            id: self.takeId(),
            identifier: identifier,
            accountId: accountId,
            clientToken: nil,
            accountToken: nil,
            accessToken: Self.uuidToken(),
            accessExpiry: now.addingTimeInterval(self.accessTokenLifetime),
            refreshToken: Self.uuidToken(),
            refreshExpiry: now.addingTimeInterval(self.refreshTokenLifetime),
            lastUsed: now
        )
        self.sessions[session.id] = session
        return session
    }

    /// Exchanges a live refresh token for a new access token and a new refresh token (the old one dies).
    /// Works whatever the state of the access token.
    mutating func refresh(refreshToken: String, now: Date) -> LoginSession? {
        guard
            var session = self.sessions.values.first(where: {
                $0.refreshToken == refreshToken && $0.refreshExpiry > now
            })
        else { return nil }
        session.accessToken = Self.uuidToken()
        session.accessExpiry = now.addingTimeInterval(self.accessTokenLifetime)
        session.refreshToken = Self.uuidToken()
        session.refreshExpiry = now.addingTimeInterval(self.refreshTokenLifetime)
        self.sessions[session.id] = session
        return session
    }

    /// CST/XST for a session (`GET /session?fetchSessionTokens=true`), created for OAuth sessions on demand.
    mutating func sessionTokens(sessionId: Int, accountId: String) -> (clientToken: String, accountToken: String)? {
        guard var session = self.sessions[sessionId] else { return nil }
        if session.clientToken == nil || session.accountId != accountId {
            session.clientToken = session.clientToken ?? Self.hexToken(bytes: 32)
            session.accountToken = Self.hexToken(bytes: 34)
            session.accountId = accountId
        }
        self.sessions[sessionId] = session
        guard let client = session.clientToken, let account = session.accountToken else { return nil }
        return (client, account)
    }

    /// Switches a session's active account: a new X-SECURITY-TOKEN, the same CST.
    mutating func switchAccount(sessionId: Int, to accountId: String) -> (clientToken: String, accountToken: String)? {
        guard var session = self.sessions[sessionId] else { return nil }
        session.accountId = accountId
        session.clientToken = session.clientToken ?? Self.hexToken(bytes: 32)
        session.accountToken = Self.hexToken(bytes: 34)
        self.sessions[sessionId] = session
        guard let client = session.clientToken, let account = session.accountToken else { return nil }
        return (client, account)
    }

    // MARK: Revoking

    /// Logs a session out: all its tokens die.
    mutating func close(sessionId: Int) {
        self.sessions[sessionId] = nil
    }

    /// Every token of every session dies (IG's weekend maintenance).
    mutating func invalidateAll() {
        self.sessions.removeAll()
    }

    /// Notes that a request authenticated with a session now (keeps its CST/XST alive).
    mutating func touch(sessionId: Int, now: Date) {
        guard let lastUsed = self.sessions[sessionId]?.lastUsed, lastUsed < now else { return }
        self.sessions[sessionId]?.lastUsed = now
    }

    /// Discards the sessions whose every token is dead (CST/XST unused for ``inactivityLimit``, access and refresh
    /// tokens expired), then, past ``maximumSessions``, the least recently used.
    mutating func prune(now: Date) {
        self.sessions = self.sessions.filter { self.isAlive($0.value, now: now) }
        guard self.sessions.count >= self.maximumSessions else { return }
        let excess = self.sessions.count - self.maximumSessions + 1
        for session in self.sessions.values.sorted(by: { $0.lastUsed < $1.lastUsed }).prefix(excess) {
            self.sessions[session.id] = nil
        }
    }

    /// Whether any token of a session still works at `now`.
    func isAlive(_ session: LoginSession, now: Date) -> Bool {
        if session.accessExpiry > now || session.refreshExpiry > now { return true }
        return session.clientToken != nil && self.certificateIsFresh(session, now: now)
    }

    private func certificateIsFresh(_ session: LoginSession, now: Date) -> Bool {
        now.timeIntervalSince(session.lastUsed) < self.inactivityLimit
    }

    /// Every OAuth access token expires; refresh tokens and CST/XST stay valid.
    mutating func expireAccessTokens() {
        for id in self.sessions.keys {
            self.sessions[id]?.accessExpiry = .distantPast
        }
    }

    // MARK: Checking

    /// Authenticates a request. Either a valid CST + X-SECURITY-TOKEN pair or a live bearer token suffices; when
    /// both are sent, either may be the valid one. `accounts` are the client's account ids (for `IG-ACCOUNT-ID`).
    func authenticate(_ credentials: Credentials, accounts: [String], now: Date) -> Result<Principal, Failure> {
        let certificate = self.authenticateCertificate(credentials, now: now)
        if case .success = certificate { return certificate }
        if let bearer = credentials.bearerToken {
            guard
                let session = self.sessions.values.first(where: { $0.accessToken == bearer }),
                session.accessExpiry > now
            else { return .failure(.oauthTokenInvalid) }
            let accountId = credentials.accountId ?? session.accountId
            guard accounts.contains(accountId) else { return .failure(.accountAccessDenied) }
            return .success(
                Principal(sessionId: session.id, identifier: session.identifier, accountId: accountId, viaOAuth: true))
        }
        return certificate
    }

    private func authenticateCertificate(_ credentials: Credentials, now: Date) -> Result<Principal, Failure> {
        guard let clientToken = credentials.clientToken else { return .failure(.clientTokenMissing) }
        guard let accountToken = credentials.accountToken else { return .failure(.accountTokenMissing) }
        guard let session = self.sessions.values.first(where: { $0.clientToken == clientToken }),
            self.certificateIsFresh(session, now: now)
        else {
            return .failure(.clientTokenInvalid)
        }
        guard session.accountToken == accountToken else { return .failure(.accountTokenInvalid) }
        return .success(
            Principal(
                sessionId: session.id, identifier: session.identifier, accountId: session.accountId, viaOAuth: false))
    }

    // MARK: Helpers

    private mutating func takeId() -> Int {
        defer { self.nextId += 1 }
        return self.nextId
    }

    private static func hexToken(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        var text = ""
        text.reserveCapacity(bytes * 2)
        for _ in 0..<bytes {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text +=
                String(byte, radix: 16, uppercase: false).count == 1
                ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }
        return text
    }

    private static func uuidToken() -> String {
        UUID().uuidString.lowercased()
    }
}
