import Foundation

// Dealing routes: confirms, positions, working orders. Shapes are checked here (400 validation codes); the
// dealing engine decides the outcome (confirm ACCEPTED / REJECTED).

extension DealingArea {
    /// Dealing routes: confirms, positions, working orders.
    var dealingRoutes: [Route] {
        [
            Route("GET", "confirms/:reference") { try self.readConfirm($0) },
            Route("GET", "positions") { try self.listPositions($0) },
            Route("GET", "positions/:dealId") { try self.readPosition($0) },
            Route("POST", "positions/otc") { try self.createPosition($0) },
            Route("PUT", "positions/otc/:dealId") { try self.updatePosition($0) },
            Route("DELETE", "positions/otc") { try self.closePosition($0) },
            Route("GET", "workingorders") { try self.listWorkingOrders($0) },
            Route("POST", "workingorders/otc") { try self.createWorkingOrder($0) },
            Route("PUT", "workingorders/otc/:dealId") { try self.updateWorkingOrder($0) },
            Route("DELETE", "workingorders/otc/:dealId") { try self.deleteWorkingOrder($0) },
        ]
    }

    // MARK: Engine access

    /// Executes a mutation, answers `{"dealReference"}`, then applies the configured fault (if any).
    func dealingAnswer(_ call: Call, _ body: (inout DealingEngine) -> DealOutcome) -> RESTResponse {
        let outcome = self.desk.withDealing(now: call.now) { engine -> (DealOutcome, [ExchangeEvent]) in
            let outcome = body(&engine)
            return (outcome, outcome.events)
        }
        let answer = RESTResponse.ok(["dealReference": .string(outcome.dealReference)])
        return self.desk.applyDealingFault(to: answer)
    }

    // MARK: Confirms

    /// `GET /confirms/{dealReference}` (404 inside the not-found window and after the confirm's lifetime).
    func readConfirm(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let reference = call.parameter("reference")
        guard
            let confirm = self.desk.readDealing(
                now: call.now, { $0.confirm(reference: reference, accountId: accountId, now: call.now) })
        else { throw RESTError(status: 404, code: "error.confirms.deal-not-found") }
        return .ok(DealingEngine.confirmJSON(confirm))
    }

    // MARK: Positions

    /// `GET /positions` (v1, v2).
    func listPositions(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let positions = self.desk.readDealing(now: call.now) { engine in
            engine.positions.filter { $0.accountId == accountId }
        }
        let version = call.request.version
        return .ok(["positions": .array(positions.map { self.positionJSON($0, version: version, now: call.now) })])
    }

    /// `GET /positions/{dealId}` (v1, v2).
    func readPosition(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let dealId = call.parameter("dealId")
        guard
            let position = self.desk.readDealing(
                now: call.now,
                { engine in
                    engine.positions.first { $0.dealId == dealId && $0.accountId == accountId }
                })
        else { throw RESTError(status: 404, code: "error.position.notfound") }
        return .ok(self.positionJSON(position, version: call.request.version, now: call.now))
    }

    /// `POST /positions/otc`.
    func createPosition(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let request = try body.openPositionRequest(version: call.request.version)
        let accountId = call.authenticated.accountId
        let trailing = self.preferences.trailingStops(accountId)
        return self.dealingAnswer(call) {
            $0.openPosition(request, accountId: accountId, now: call.now, trailingStopsEnabled: trailing)
        }
    }

    /// `PUT /positions/otc/{dealId}`.
    func updatePosition(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let request = try body.amendPositionRequest(dealId: call.parameter("dealId"))
        let accountId = call.authenticated.accountId
        let trailing = self.preferences.trailingStops(accountId)
        return self.dealingAnswer(call) {
            $0.amendPosition(request, accountId: accountId, now: call.now, trailingStopsEnabled: trailing)
        }
    }

    /// `DELETE /positions/otc` (usually POST + `_method: DELETE`).
    func closePosition(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let request = try body.closePositionRequest()
        let accountId = call.authenticated.accountId
        return self.dealingAnswer(call) { $0.closePosition(request, accountId: accountId, now: call.now) }
    }

    // MARK: Working orders

    /// `GET /workingorders` (v1, v2).
    func listWorkingOrders(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let orders = self.desk.readDealing(now: call.now) { engine in engine.orders.filter { $0.accountId == accountId }
        }
        let version = call.request.version
        return .ok(["workingOrders": .array(orders.map { self.workingOrderJSON($0, version: version, now: call.now) })])
    }

    /// `POST /workingorders/otc`.
    func createWorkingOrder(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let request = try body.workingOrderRequest(version: call.request.version)
        let accountId = call.authenticated.accountId
        return self.dealingAnswer(call) { $0.createOrder(request, accountId: accountId, now: call.now) }
    }

    /// `PUT /workingorders/otc/{dealId}`.
    func updateWorkingOrder(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let request = try body.amendWorkingOrderRequest(dealId: call.parameter("dealId"))
        let accountId = call.authenticated.accountId
        return self.dealingAnswer(call) { $0.amendOrder(request, accountId: accountId, now: call.now) }
    }

    /// `DELETE /workingorders/otc/{dealId}` (v1 body `{}`, v2 no body).
    func deleteWorkingOrder(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let dealId = call.parameter("dealId")
        return self.dealingAnswer(call) { $0.deleteOrder(dealId: dealId, accountId: accountId, now: call.now) }
    }
}
