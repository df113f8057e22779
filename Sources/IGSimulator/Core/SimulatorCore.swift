import Foundation

/// The simulator's REST side: collects the areas' routes, then answers each request with dispatch,
/// authentication and allowance accounting around the area's handler.
///
/// Independent of HTTP: `handle(_:)` turns a ``RESTRequest`` into a ``RESTResponse``.
final class SimulatorCore: Sendable {
    let context: SimulatorContext
    let testControls: TestControlsArea
    let routes: RouteTable

    init(configuration: SimulatorConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        let context = try SimulatorContext(configuration: configuration, clock: clock)
        self.context = context
        self.testControls = TestControlsArea(context: context)
        let accounts = AccountsArea(context: context)
        let areas: [any SimulatorArea] = [
            SessionsArea(context: context, preferences: accounts.preferences),
            accounts,
            MarketsArea(context: context),
            PricesArea(context: context),
            ApplicationsArea(context: context),
            DealingArea(context: context, preferences: accounts.preferences),
            HistoryArea(context: context),
            WatchlistsArea(context: context),
            CostsArea(context: context),
        ]
        var routes = RouteTable()
        for area in areas { area.register(into: &routes) }
        self.routes = routes
    }

    /// The current time.
    var now: Date { self.context.now }
}

// MARK: - Dispatch

extension SimulatorCore {
    /// Answers one request: test controls, API key check, injected errors, routing, authentication, allowances.
    func handle(_ request: RESTRequest) -> RESTResponse {
        if request.segments.first == "simulator" {
            if let token = self.context.configuration.controlToken {
                let presented = request.header(SimulatorConfiguration.controlTokenHeader) ?? ""
                guard ConstantTime.equal(presented, token) else {
                    return .error(RESTError(status: 401, code: "error.simulator.control-token-invalid"))
                }
            }
            return self.testControls.handle(request)
        }
        guard request.segments.count >= 2, request.segments[0] == "gateway", request.segments[1] == "deal" else {
            return .error(RESTError(status: 404, code: "invalid.url"))
        }
        let path = Array(request.segments.dropFirst(2))
        self.count { $0.requests += 1 }
        if let area = path.first, ["positions", "workingorders", "confirms"].contains(area.lowercased()) {
            self.count { $0.dealingRequests += 1 }
        }
        if let refused = self.checkApplication(request) {
            return .error(refused)
        }
        guard request.hasValidVersion else {
            return .error(RESTError(status: 400, code: "error.request.invalid.version"))
        }
        if let injected = self.testControls.takeInjectedError(path: "/" + path.joined(separator: "/")) {
            return .error(injected)
        }
        guard let (route, parameters) = self.routes.match(method: request.method, path: path) else {
            return .error(RESTError(status: 404, code: "invalid.url"))
        }
        var principal: TokenAuthority.Principal?
        if route.requiresAuthentication {
            switch self.authenticate(request) {
            case .success(let authenticated):
                principal = authenticated
            case .failure(let failure):
                self.count { $0.authenticationFailures += 1 }
                return .error(failure)
            }
        }
        if let refused = self.checkAllowance(method: request.method, path: path, accountId: principal?.accountId) {
            return .error(refused)
        }
        let call = Call(request: request, parameters: parameters, principal: principal, now: self.now)
        do {
            return try route.handler(call)
        } catch let error as RESTError {
            return .error(error)
        } catch {
            return .error(RESTError(status: 500, code: "system.error"))
        }
    }

    /// Counts a statistic.
    private func count(_ update: (inout SimulatorStatistics) -> Void) {
        self.context.statistics.withLock(update)
    }

    /// Checks the API key header and the key's status.
    private func checkApplication(_ request: RESTRequest) -> RESTError? {
        guard let apiKey = request.header("x-ig-api-key"), !apiKey.isEmpty else {
            return RESTError(status: 400, code: "error.security.api-key-missing")
        }
        guard apiKey == self.context.configuration.apiKey else {
            return RESTError(status: 403, code: "error.security.api-key-invalid")
        }
        if self.context.allowances.isDisabled {
            return RESTError(status: 403, code: "error.security.api-key-disabled")
        }
        return nil
    }

    /// Applies IG's per-minute allowances to a request that passed authentication (or needs none).
    private func checkAllowance(method: String, path: [String], accountId: String?) -> RESTError? {
        let code = self.context.allowances.admit(
            method: method, path: path, apiKey: self.context.configuration.apiKey, accountId: accountId, now: self.now)
        guard let code else { return nil }
        self.count { $0.allowanceErrors += 1 }
        return RESTError(status: 403, code: code)
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
        let accountIds = self.context.accounts.map(\.accountId)
        let result = self.context.tokens.withLock { authority in
            let result = authority.authenticate(credentials, accounts: accountIds, now: now)
            if case .success(let principal) = result { authority.touch(sessionId: principal.sessionId, now: now) }
            return result
        }
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
}
