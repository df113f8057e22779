import Foundation

// Sprint-market positions: `GET /positions/sprintmarkets` (v1, v2) and `POST /positions/sprintmarkets` (v1).

extension DealingArea {
    /// Sprint-market routes (listed before the dealing routes: `positions/:dealId` would match otherwise).
    var sprintRoutes: [Route] {
        [
            Route("GET", "positions/sprintmarkets") { try self.listSprintPositions($0) },
            Route("POST", "positions/sprintmarkets") { try self.createSprintPosition($0) },
        ]
    }

    private static func sprintError(_ code: String) -> RESTError {
        RESTError(status: 400, code: "error.sprintmarket.create-position.\(code)")
    }

    /// `GET /positions/sprintmarkets`: v1 dates account-local `yyyy/MM/dd HH:mm:ss:SSS`, v2 `yyyy-MM-dd'T'HH:mm:ss`.
    func listSprintPositions(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let sprints = self.desk.readDealing(now: call.now) { engine in
            engine.sprints.filter { $0.accountId == accountId }
        }
        let v2 = call.request.version >= 2
        func date(_ value: Date) -> String { v2 ? DealingFormat.iso(value) : DealingFormat.localCreated(value) }
        let items: [SimulatorJSON] = sprints.map { sprint in
            let instrument = self.catalog.instrument(epic: sprint.epic)
            return [
                "dealId": .string(sprint.dealId),
                "epic": .string(sprint.epic),
                "instrumentName": .string(instrument?.name),
                "description": .string(
                    "\(instrument?.name ?? sprint.epic) to finish \(sprint.direction == .buy ? "above" : "below") "
                        + DealingFormat.text(sprint.strikeLevel)),
                "marketStatus": .string(instrument.map { self.context.figures($0, at: call.now).status }),
                "createdDate": .string(date(sprint.created)),
                "expiryTime": .string(date(sprint.expiry)),
                "direction": .string(sprint.direction.rawValue),
                "strikeLevel": DealingFormat.number(sprint.strikeLevel),
                "size": DealingFormat.number(sprint.size),
                "payoutAmount": DealingFormat.number(sprint.payout),
                "currency": .string(sprint.currency),
            ]
        }
        return .ok(["sprintMarketPositions": .array(items)])
    }

    /// `POST /positions/sprintmarkets` (v1): `{"dealReference"}`, the outcome at `/confirms`.
    func createSprintPosition(_ call: Call) throws -> RESTResponse {
        let body = try DealingBody(call.request)
        let epic = try body.string("epic", required: true) ?? ""
        let direction = try body.direction()
        guard let size = try body.decimal("size", required: true), size > 0 else {
            throw Self.sprintError("order-size.invalid")
        }
        guard let periodText = try body.string("expiryPeriod", required: true),
            let period = SprintExpiryPeriod(rawValue: periodText.uppercased())
        else { throw Self.sprintError("expiry.outside-valid-range") }
        guard let instrument = self.catalog.instrument(epic: epic), instrument.isSprintMarket else {
            throw Self.sprintError("failure")
        }
        if let minimum = Decimal(string: String(instrument.dealingRules.minDealSize.value)), size < minimum {
            throw Self.sprintError("order-size.invalid")
        }
        let open = self.desk.readDealing(now: call.now) { $0.market.isOpen(instrument, at: call.now) }
        guard open else { throw Self.sprintError("market-closed") }
        let request = SprintPositionRequest(
            dealReference: try body.string("dealReference"), epic: epic, direction: direction, size: size,
            expiryPeriod: period)
        let accountId = call.authenticated.accountId
        return self.dealingAnswer(call) { $0.openSprint(request, accountId: accountId, now: call.now) }
    }
}
