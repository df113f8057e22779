import Foundation

extension SimulatorCore {
    /// `/operations/application` routes: the API key's allowances, as IG publishes them.
    static let operationsRoutes: [Route] = [
        Route("GET", "operations/application") { try $0.applications($1) },
        Route("PUT", "operations/application") { try $0.updateApplication($1) },
        Route("PUT", "operations/application/disable") { try $0.disableApplication($1) },
    ]

    /// `GET /operations/application`: a list with this simulator's one application.
    func applications(_ call: Call) throws -> RESTResponse {
        .ok(.array([self.applicationJSON()]))
    }

    /// `PUT /operations/application`: changes the account allowances or the status of the calling key.
    func updateApplication(_ call: Call) throws -> RESTResponse {
        let body = try call.request.json()
        if let key = body["apiKey"]?.stringValue, key != self.configuration.apiKey {
            throw RESTError(status: 400, code: "error.security.api-key-invalid")
        }
        self.state.withLock { state in
            if let overall = body["allowanceAccountOverall"]?.intValue, overall > 0 {
                state.allowances.accountOverall = overall
            }
            if let trading = body["allowanceAccountTrading"]?.intValue, trading > 0 {
                state.allowances.accountTrading = trading
            }
            if let status = body["status"]?.stringValue?.uppercased(), ["ENABLED", "DISABLED"].contains(status) {
                state.applicationStatus = status
            }
        }
        return .ok(self.applicationJSON())
    }

    /// `PUT /operations/application/disable`: disables the calling key (IG re-enables only on its website; here a new
    /// simulator does).
    func disableApplication(_ call: Call) throws -> RESTResponse {
        self.state.withLock { $0.applicationStatus = "DISABLED" }
        return .ok(self.applicationJSON())
    }

    func applicationJSON() -> JSONValue {
        let (allowances, status) = self.state.withLock { ($0.allowances, $0.applicationStatus) }
        return [
            "name": "swift-ig simulator",
            "apiKey": .string(self.configuration.apiKey),
            "status": .string(status),
            "allowanceApplicationOverall": .int(allowances.applicationOverall),
            "allowanceAccountTrading": .int(allowances.accountTrading),
            "allowanceAccountOverall": .int(allowances.accountOverall),
            "allowanceAccountHistoricalData": .int(allowances.historicalDataPoints),
            "concurrentSubscriptionsLimit": .int(40),
            "allowEquities": .bool(false),
            "allowQuoteOrders": .bool(false),
            "createdDate": "2024-01-02",
        ]
    }

    /// Applies IG's per-minute allowances to a request that passed authentication (or needs none).
    func checkAllowance(method: String, path: [String], accountId: String?, now: Date) -> RESTError? {
        let requestClass = RequestWindows.classify(method: method, path: path)
        let code: String? = self.state.withLock { state in
            guard state.allowances.enforced else { return nil }
            return state.windows.admit(
                requestClass, apiKey: self.configuration.apiKey, accountId: accountId, allowances: state.allowances,
                now: now)
        }
        guard let code else { return nil }
        self.state.withLock { $0.statistics.allowanceErrors += 1 }
        return RESTError(status: 403, code: code)
    }
}
