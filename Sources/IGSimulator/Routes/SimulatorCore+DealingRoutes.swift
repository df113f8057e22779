import Foundation

// Dealing routes: confirms, positions, working orders. Shapes are checked here (400 validation codes); the
// dealing engine decides the outcome (confirm ACCEPTED / REJECTED).

extension SimulatorCore {
    /// Dealing routes: confirms, positions, working orders (owned by the dealing engine work).
    static let dealingRoutes: [Route] = [
        Route("GET", "confirms/:reference") { try $0.readConfirm($1) },
        Route("GET", "positions") { try $0.listPositions($1) },
        Route("GET", "positions/:dealId") { try $0.readPosition($1) },
        Route("POST", "positions/otc") { try $0.createPosition($1) },
        Route("PUT", "positions/otc/:dealId") { try $0.updatePosition($1) },
        Route("DELETE", "positions/otc") { try $0.closePosition($1) },
        Route("GET", "workingorders") { try $0.listWorkingOrders($1) },
        Route("POST", "workingorders/otc") { try $0.createWorkingOrder($1) },
        Route("PUT", "workingorders/otc/:dealId") { try $0.updateWorkingOrder($1) },
        Route("DELETE", "workingorders/otc/:dealId") { try $0.deleteWorkingOrder($1) },
    ]

    // MARK: Engine access

    /// Runs `body` on the dealing engine after replaying the price path to `now`; publishes the events after
    /// the lock is released.
    func withDealing<Result>(now: Date, _ body: (inout DealingEngine) -> (Result, [ExchangeEvent])) -> Result {
        let (result, events) = self.dealing.withLock { slot -> (Result, [ExchangeEvent]) in
            var engine =
                slot
                ?? DealingEngine(
                    market: DealingMarket(catalog: self.catalog, prices: self.prices),
                    settings: self.configuration.dealing, seed: self.configuration.seed, accounts: self.accounts,
                    now: now)
            var events = engine.advance(to: now)
            let (result, more) = body(&engine)
            events += more
            slot = engine
            return (result, events)
        }
        for event in events { self.events.publish(event) }
        return result
    }

    /// Reads the engine without changing anything but the replayed path.
    func readDealing<Result>(now: Date, _ body: (DealingEngine) -> Result) -> Result {
        self.withDealing(now: now) { engine in (body(engine), []) }
    }

    /// Executes a mutation, answers `{"dealReference"}`, then applies the configured fault (if any).
    func dealingAnswer(_ call: Call, _ body: (inout DealingEngine) -> DealOutcome) -> RESTResponse {
        let outcome = self.withDealing(now: call.now) { engine -> (DealOutcome, [ExchangeEvent]) in
            let outcome = body(&engine)
            return (outcome, outcome.events)
        }
        let answer = RESTResponse.ok(["dealReference": .string(outcome.dealReference)])
        return self.applyDealingFault(to: answer)
    }

    // MARK: Confirms

    /// `GET /confirms/{dealReference}` (404 inside the not-found window and after the confirm's lifetime).
    func readConfirm(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let reference = call.parameter("reference")
        guard
            let confirm = self.readDealing(
                now: call.now, { $0.confirm(reference: reference, accountId: accountId, now: call.now) })
        else { throw RESTError(status: 404, code: "error.confirms.deal-not-found") }
        return .ok(DealingEngine.confirmJSON(confirm))
    }

    // MARK: Positions

    /// `GET /positions` (v1, v2).
    func listPositions(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let positions = self.readDealing(now: call.now) { engine in
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
            let position = self.readDealing(
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
        let trailing = self.trailingStopsPreference(accountId)
        return self.dealingAnswer(call) {
            $0.openPosition(request, accountId: accountId, now: call.now, trailingStopsEnabled: trailing)
        }
    }

    /// `PUT /positions/otc/{dealId}`.
    func updatePosition(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let request = try body.amendPositionRequest(dealId: call.parameter("dealId"))
        let accountId = call.authenticated.accountId
        let trailing = self.trailingStopsPreference(accountId)
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
        let orders = self.readDealing(now: call.now) { engine in engine.orders.filter { $0.accountId == accountId } }
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

    /// The account's trailing-stop preference when it was set explicitly (nil = never set).
    func trailingStopsPreference(_ accountId: String) -> Bool? {
        self.state.withLock { $0.trailingStopsEnabled[accountId] }
    }

    /// Balances for `GET /accounts` and the login's `accountInfo`, from the dealing engine.
    func dealingBalanceJSON(_ account: SimulatedAccount) -> JSONValue {
        let now = self.now
        let figures = self.readDealing(now: now) { $0.figures(accountId: account.accountId, now: now) }
        return [
            "balance": DealingFormat.number(figures.balance),
            "deposit": DealingFormat.number(figures.deposit),
            "profitLoss": DealingFormat.number(figures.profitLoss),
            "available": DealingFormat.number(figures.available),
        ]
    }
}
