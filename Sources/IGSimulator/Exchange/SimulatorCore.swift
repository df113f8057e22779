import Foundation

/// Everything the REST routes need: configuration, catalog, price engine, the encryption key and mutable state.
///
/// Independent of HTTP: `handle(_:)` turns a ``RESTRequest`` into a ``RESTResponse``.
final class SimulatorCore: Sendable {
    /// An error armed by a test to answer the next matching requests.
    struct InjectedError: Sendable, Hashable {
        var status: Int
        var errorCode: String
        var remaining: Int
        var pathPrefix: String?
    }

    /// Mutable state, guarded by one lock.
    struct State: Sendable {
        var tokens: TokenAuthority
        var preferredAccountId: String
        var trailingStopsEnabled: [String: Bool] = [:]
        var injectedErrors: [InjectedError] = []
        var statistics = SimulatorStatistics()
        /// Historical price points used per account in the current weekly period.
        var historicalUsage: [String: HistoricalUsage] = [:]
        /// The allowances in force (start from the configuration; `PUT /operations/application` changes them).
        var allowances: SimulatorAllowances
        var applicationStatus = "ENABLED"
        var windows: RequestWindows
        var baseURL: URL?
    }

    let configuration: SimulatorConfiguration
    let catalog: Catalog
    let prices: PriceEngine
    let encryptionKey: PasswordEncryptionKey
    let accounts: [SimulatedAccount]
    let clientId = IGSimulator.clientId
    let state: Locked<State>
    /// Exchange events for the streaming server (TRADE, ACCOUNT).
    let events = ExchangeEventHub()
    /// The Lightstreamer server (sessions and faults).
    let streaming = StreamingServer()
    /// The dealing engine (created on first use) and the dealing fault injector.
    let dealing = Locked<DealingEngine?>(nil)
    let dealingFaults = Locked<DealingFaultInjector?>(nil)
    /// Watchlists per account, and indicative cost quotes (both live as long as the simulator).
    let watchlists = WatchlistStore()
    let costQuotes = CostQuoteStore()
    private let clock: @Sendable () -> Date

    static let allowancePeriod: TimeInterval = 7 * 86_400

    init(configuration: SimulatorConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.configuration = configuration
        self.clock = clock
        let now = clock()
        self.catalog = Catalog(now: now)
        self.prices = PriceEngine(seed: configuration.seed)
        self.encryptionKey = try PasswordEncryptionKey.shared.get()
        self.accounts = SimulatedAccount.standard
        self.state = Locked(
            State(
                tokens: TokenAuthority(
                    accessTokenLifetime: configuration.accessTokenLifetime.timeInterval,
                    refreshTokenLifetime: configuration.refreshTokenLifetime.timeInterval
                ),
                preferredAccountId: SimulatedAccount.standard[0].accountId,
                allowances: configuration.allowances,
                windows: RequestWindows(length: configuration.allowances.window.timeInterval)
            )
        )
    }

    /// The current time.
    var now: Date { self.clock() }

    /// The account with an id, or nil.
    func account(_ id: String) -> SimulatedAccount? {
        self.accounts.first { $0.accountId == id }
    }

    /// The base URL once listening (used for `lightstreamerEndpoint`).
    var baseURL: URL? {
        get { self.state.withLock { $0.baseURL } }
        set { self.state.withLock { $0.baseURL = newValue } }
    }

    /// `lightstreamerEndpoint`: `http://HOST:PORT` of this simulator, or the request's `Host` when bound to a
    /// wildcard address.
    func lightstreamerEndpoint(for request: RESTRequest) -> String {
        let host = self.configuration.host
        if host == "0.0.0.0" || host == "::" || self.baseURL == nil, let requestHost = request.header("host") {
            return "http://\(requestHost)"
        }
        return self.baseURL?.absoluteString ?? "http://\(host):\(self.configuration.port)"
    }
}

// MARK: - Dispatch

extension SimulatorCore {
    /// Answers one request: admin routes, API key check, injected errors, routing, authentication.
    func handle(_ request: RESTRequest) -> RESTResponse {
        if request.segments.first == "simulator" {
            return self.handleAdmin(request)
        }
        guard request.segments.count >= 2, request.segments[0] == "gateway", request.segments[1] == "deal" else {
            return .error(RESTError(status: 404, code: "invalid.url"))
        }
        let path = Array(request.segments.dropFirst(2))
        self.state.withLock { $0.statistics.requests += 1 }

        guard let apiKey = request.header("x-ig-api-key"), !apiKey.isEmpty else {
            return .error(RESTError(status: 400, code: "error.security.api-key-missing"))
        }
        guard apiKey == self.configuration.apiKey else {
            return .error(RESTError(status: 403, code: "error.security.api-key-invalid"))
        }
        if self.state.withLock({ $0.applicationStatus }) == "DISABLED" {
            return .error(RESTError(status: 403, code: "error.security.api-key-disabled"))
        }
        if let injected = self.takeInjectedError(path: "/" + path.joined(separator: "/")) {
            return .error(injected)
        }
        guard let (route, parameters) = Self.match(method: request.method, path: path) else {
            return .error(RESTError(status: 404, code: "invalid.url"))
        }
        var principal: TokenAuthority.Principal?
        if route.requiresAuthentication {
            switch self.authenticate(request) {
            case .success(let authenticated):
                principal = authenticated
            case .failure(let failure):
                self.state.withLock { $0.statistics.authenticationFailures += 1 }
                return .error(failure)
            }
        }
        if let refused = self.checkAllowance(
            method: request.method, path: path, accountId: principal?.accountId, now: self.now)
        {
            return .error(refused)
        }
        let call = Call(request: request, parameters: parameters, principal: principal, now: self.now)
        do {
            return try route.handler(self, call)
        } catch let error as RESTError {
            return .error(error)
        } catch {
            return .error(RESTError(status: 500, code: "system.error"))
        }
    }

    /// Authenticates a request with CST/XST or bearer + `IG-ACCOUNT-ID`.
    func authenticate(_ request: RESTRequest) -> Result<TokenAuthority.Principal, RESTError> {
        var bearer: String?
        if let authorization = request.header("authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                bearer = String(parts[1]).trimmingCharacters(in: .whitespaces)
            } else {
                bearer = authorization
            }
        }
        let credentials = TokenAuthority.Credentials(
            clientToken: request.header("cst").flatMap { $0.isEmpty ? nil : $0 },
            accountToken: request.header("x-security-token").flatMap { $0.isEmpty ? nil : $0 },
            bearerToken: bearer,
            accountId: request.header("ig-account-id").flatMap { $0.isEmpty || $0 == "None" ? nil : $0 }
        )
        let now = self.now
        let accountIds = self.accounts.map(\.accountId)
        let result = self.state.withLock { $0.tokens.authenticate(credentials, accounts: accountIds, now: now) }
        return result.mapError { failure in
            switch failure {
            case .clientTokenMissing: RESTError(status: 401, code: "error.security.client-token-missing")
            case .accountTokenMissing: RESTError(status: 401, code: "error.security.account-token-missing")
            case .clientTokenInvalid: RESTError(status: 401, code: "error.security.client-token-invalid")
            case .accountTokenInvalid: RESTError(status: 401, code: "error.security.account-token-invalid")
            case .oauthTokenInvalid: RESTError(status: 401, code: "error.security.oauth-token-invalid")
            case .accountAccessDenied: RESTError(status: 401, code: "error.security.account-access-denied")
            }
        }
    }

    private func takeInjectedError(path: String) -> RESTError? {
        self.state.withLock { state in
            guard
                let index = state.injectedErrors.firstIndex(where: { injected in
                    guard let prefix = injected.pathPrefix, !prefix.isEmpty else { return true }
                    let relative = prefix.hasPrefix("/gateway/deal") ? String(prefix.dropFirst(13)) : prefix
                    let normalized = relative.hasPrefix("/") ? relative : "/" + relative
                    return path.hasPrefix(normalized)
                })
            else { return nil }
            let injected = state.injectedErrors[index]
            if injected.remaining <= 1 {
                state.injectedErrors.remove(at: index)
            } else {
                state.injectedErrors[index].remaining -= 1
            }
            state.statistics.injectedErrors += 1
            return RESTError(status: injected.status, code: injected.errorCode)
        }
    }
}
