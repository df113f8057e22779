import Foundation

/// One routed call: the request, captured path parameters, the authenticated principal and the time.
struct Call: Sendable {
    var request: RESTRequest
    var parameters: [String: String]
    var principal: TokenAuthority.Principal?
    var now: Date

    /// A captured path parameter.
    func parameter(_ name: String) -> String { self.parameters[name] ?? "" }

    /// The authenticated principal (routes that require authentication always have one).
    var authenticated: TokenAuthority.Principal {
        guard let principal else { preconditionFailure("route requires authentication") }
        return principal
    }
}

/// A REST route: method, path pattern (`:name` captures a segment) and handler.
struct Route: Sendable {
    let method: String
    let pattern: [String]
    let requiresAuthentication: Bool
    let handler: @Sendable (SimulatorCore, Call) throws -> RESTResponse

    init(
        _ method: String,
        _ path: String,
        authenticated: Bool = true,
        handler: @escaping @Sendable (SimulatorCore, Call) throws -> RESTResponse
    ) {
        self.method = method
        self.pattern = path.split(separator: "/").map(String.init)
        self.requiresAuthentication = authenticated
        self.handler = handler
    }

    /// Captured parameters when `path` matches the pattern (literal segments compare case-insensitively).
    func match(_ path: [String]) -> [String: String]? {
        guard path.count == self.pattern.count else { return nil }
        var parameters = [String: String]()
        for (literal, segment) in zip(self.pattern, path) {
            if literal.hasPrefix(":") {
                parameters[String(literal.dropFirst())] = segment
            } else if literal.lowercased() != segment.lowercased() {
                return nil
            }
        }
        return parameters
    }
}

extension SimulatorCore {
    /// Every REST route under `/gateway/deal`, gathered from each area's own list.
    static let routes: [Route] =
        sessionRoutes + accountRoutes + marketRoutes + priceRoutes + operationsRoutes + sprintRoutes + dealingRoutes
        + historyRoutes
        + sentimentRoutes + watchlistRoutes + costsRoutes + repeatDealingRoutes + categoryRoutes

    static let sessionRoutes: [Route] = [
        Route("POST", "session", authenticated: false) { try $0.createSession($1) },
        Route("GET", "session") { try $0.readSession($1) },
        Route("PUT", "session") { try $0.switchAccount($1) },
        Route("DELETE", "session") { try $0.logout($1) },
        Route("GET", "session/encryptionKey", authenticated: false) { try $0.encryptionKey($1) },
        Route("POST", "session/refresh-token", authenticated: false) { try $0.refreshToken($1) },
    ]

    static let accountRoutes: [Route] = [
        Route("GET", "accounts") { try $0.listAccounts($1) },
        Route("GET", "accounts/preferences") { try $0.readPreferences($1) },
        Route("PUT", "accounts/preferences") { try $0.updatePreferences($1) },
    ]

    static let marketRoutes: [Route] = [
        Route("GET", "markets") { try $0.markets($1) },
        Route("GET", "markets/:epic") { try $0.market($1) },
        Route("GET", "marketnavigation") { try $0.navigation($1) },
        Route("GET", "marketnavigation/:node") { try $0.navigation($1) },
    ]

    static let priceRoutes: [Route] = [
        Route("GET", "prices/:epic") { try $0.pricesV3($1) },
        Route("GET", "prices/:epic/:resolution") { try $0.pricesV1Range($1) },
        Route("GET", "prices/:epic/:resolution/:points") { try $0.pricesNumPoints($1) },
        Route("GET", "prices/:epic/:resolution/:start/:end") { try $0.pricesV2Range($1) },
    ]

    /// The route for a method and path (relative to `/gateway/deal`).
    static func match(method: String, path: [String]) -> (Route, [String: String])? {
        for route in self.routes where route.method == method {
            if let parameters = route.match(path) { return (route, parameters) }
        }
        return nil
    }
}
