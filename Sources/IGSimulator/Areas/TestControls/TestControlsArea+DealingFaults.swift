import Foundation

// Dealing fault controls: `GET/PUT/DELETE /simulator/faults/dealing` and `GET /simulator/dealing/stats`. The desk
// drops, delays, breaks or turns into a 500 the answer to an executed deal.

extension TestControlsArea {
    /// `/simulator/faults/dealing` and `/simulator/dealing/stats`; nil when the path is not a dealing admin path.
    func handleDealingAdmin(_ request: RESTRequest, path: String) -> RESTResponse? {
        switch (request.method, path) {
        case ("GET", "faults/dealing"):
            let plan = self.desk.withFaultInjector { $0.plan }
            return .ok(Self.faultPlanJSON(plan, injected: self.desk.injectedDealingFaults()))
        case ("PUT", "faults/dealing"), ("POST", "faults/dealing"):
            guard let body = try? request.json() else { return .error(RESTError(status: 400, code: "invalid.input")) }
            var plan = DealingFaultPlan()
            if let kinds = body["kinds"], case .array(let values) = kinds {
                let parsed = values.compactMap { $0.stringValue.flatMap(DealingFault.init(rawValue:)) }
                guard parsed.count == values.count, !parsed.isEmpty else {
                    return .error(RESTError(status: 400, code: "invalid.request.kinds"))
                }
                plan.kinds = parsed
            }
            let probability = body["probability"]?.doubleValue ?? 0
            plan.probability = probability.isNaN ? 0 : min(1, max(0, probability))
            plan.nextCount = max(0, body["count"]?.intValue ?? 0)
            if let value = body["delayMs"], !value.isNull {
                guard let ms = value.intValue, (0...86_400_000).contains(ms) else {
                    return .error(RESTError(status: 400, code: "invalid.request.delayMs"))
                }
                plan.delay = .milliseconds(ms)
            }
            self.desk.setDealingFaults(plan)
            return .ok(["status": "SUCCESS"])
        case ("DELETE", "faults/dealing"):
            self.desk.setDealingFaults(.none)
            return .ok(["status": "SUCCESS"])
        case ("GET", "dealing/stats"):
            let stats = self.desk.dealingStatistics(now: self.now)
            return .ok([
                "positions": .int(stats.positions),
                "workingOrders": .int(stats.orders),
                "references": .int(stats.executedReferences),
                "reusedReferences": .int(stats.reusedReferences),
            ])
        default:
            return nil
        }
    }

    static func faultPlanJSON(_ plan: DealingFaultPlan, injected: [DealingFault: Int]) -> SimulatorJSON {
        [
            "kinds": .array(plan.kinds.map { .string($0.rawValue) }),
            "probability": .double(plan.probability),
            "count": .int(plan.nextCount),
            "delayMs": .int(Int(plan.delay.seconds * 1000)),
            "injected": .object(DealingFault.allCases.map { ($0.rawValue, .int(injected[$0] ?? 0)) }),
        ]
    }
}
