import Foundation

extension ApplicationsArea {
    /// `/operations/application` routes: the API key's allowances, as IG publishes them.
    var operationsRoutes: [Route] {
        [
            Route("GET", "operations/application") { try self.applications($0) },
            Route("PUT", "operations/application") { try self.updateApplication($0) },
            Route("PUT", "operations/application/disable") { try self.disableApplication($0) },
        ]
    }

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
        self.context.allowances.update(
            accountOverall: body["allowanceAccountOverall"]?.intValue,
            accountTrading: body["allowanceAccountTrading"]?.intValue,
            status: body["status"]?.stringValue?.uppercased())
        return .ok(self.applicationJSON())
    }

    /// `PUT /operations/application/disable`: disables the calling key (IG re-enables only on its website; here a new
    /// simulator does).
    func disableApplication(_ call: Call) throws -> RESTResponse {
        self.context.allowances.update(accountOverall: nil, accountTrading: nil, status: "DISABLED")
        return .ok(self.applicationJSON())
    }

    func applicationJSON() -> SimulatorJSON {
        let (allowances, status) = self.context.allowances.current
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
}
