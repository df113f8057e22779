import Foundation

// Test controls under /simulator (no API key, no tokens): the HTTP face of IGSimulator's control methods.

extension TestControlsArea {
    /// Answers a `/simulator/…` request.
    func handle(_ request: RESTRequest) -> RESTResponse {
        let path = request.segments.dropFirst().joined(separator: "/")
        if let answer = self.handleDealingAdmin(request, path: path) { return answer }
        if let answer = self.streamingAdmin.handle(request, path: path) { return answer }
        if let answer = self.handlePriceRequests(request, path: path) { return answer }
        if let answer = self.handleClock(request, path: path) { return answer }
        if let answer = self.handleReport(request, path: path) { return answer }
        switch (request.method, path) {
        case ("POST", "sessions/invalidate"):
            self.invalidateAllSessions()
            return .ok(["status": "SUCCESS"])
        case ("POST", "tokens/expire"):
            self.expireAccessTokens()
            return .ok(["status": "SUCCESS"])
        case ("POST", "errors"):
            guard let body = try? request.json(), let status = body["status"]?.intValue,
                (100...599).contains(status), let code = body["errorCode"]?.stringValue
            else { return .error(RESTError(status: 400, code: "invalid.input")) }
            let count = body["count"]?.intValue ?? 1
            self.injectError(status: status, errorCode: code, count: count, pathPrefix: body["pathPrefix"]?.stringValue)
            return .ok(["status": "SUCCESS"])
        case ("DELETE", "errors"):
            self.clearInjectedErrors()
            return .ok(["status": "SUCCESS"])
        case ("GET", "stats"):
            return .ok(Self.statisticsJSON(self.statistics()))
        default:
            return .error(RESTError(status: 404, code: "invalid.url"))
        }
    }

    /// Closes every login session.
    func invalidateAllSessions() {
        self.context.tokens.withLock { $0.invalidateAll() }
    }

    /// Lets every access token expire now.
    func expireAccessTokens() {
        self.context.tokens.withLock { $0.expireAccessTokens() }
    }

    /// The counters so far.
    func statistics() -> SimulatorStatistics {
        self.context.statistics.withLock { $0 }
    }

    static func statisticsJSON(_ statistics: SimulatorStatistics) -> SimulatorJSON {
        [
            "requests": .int(statistics.requests),
            "logins": .object(statistics.logins.sorted { $0.key < $1.key }.map { (String($0.key), .int($0.value)) }),
            "totalLogins": .int(statistics.totalLogins),
            "encryptedLogins": .int(statistics.encryptedLogins),
            "failedLogins": .int(statistics.failedLogins),
            "refreshes": .int(statistics.refreshes),
            "failedRefreshes": .int(statistics.failedRefreshes),
            "logouts": .int(statistics.logouts),
            "accountSwitches": .int(statistics.accountSwitches),
            "authenticationFailures": .int(statistics.authenticationFailures),
            "injectedErrors": .int(statistics.injectedErrors),
            "allowanceErrors": .int(statistics.allowanceErrors),
            "priceRequests": .int(statistics.priceRequests),
            "dealingRequests": .int(statistics.dealingRequests),
            "pricePoints": .int(statistics.pricePoints),
        ]
    }
}
