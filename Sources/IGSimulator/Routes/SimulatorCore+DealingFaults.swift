import Foundation

// Dealing fault injection: the answer to an executed dealing request can be dropped, delayed, broken or turned
// into a 500. Admin routes: `GET/PUT/DELETE /simulator/faults/dealing` and `GET /simulator/dealing/stats`.

extension SimulatorCore {
    /// The injector, created from the configuration on first use.
    func withFaultInjector<Result>(_ body: (inout DealingFaultInjector) -> Result) -> Result {
        self.dealingFaults.withLock { slot in
            var injector =
                slot ?? DealingFaultInjector(plan: self.configuration.dealing.faults, seed: self.configuration.seed)
            let result = body(&injector)
            slot = injector
            return result
        }
    }

    /// Applies the next planned fault (if any) to the answer of an executed dealing request.
    func applyDealingFault(to answer: RESTResponse) -> RESTResponse {
        guard let fault = self.withFaultInjector({ $0.next() }) else { return answer }
        switch fault {
        case .serverError:
            return .error(RESTError(status: 500, code: "system.error"))
        case .dropResponse:
            return DealingConnectionFault.mark(answer, .drop)
        case .reset:
            return DealingConnectionFault.mark(answer, .reset)
        case .delay:
            let delay = self.withFaultInjector { $0.plan.delay }
            return DealingConnectionFault.mark(answer, .delay(delay))
        }
    }

    /// Replaces the fault plan (counting starts again).
    func setDealingFaults(_ plan: DealingFaultPlan) {
        self.dealingFaults.withLock { $0 = DealingFaultInjector(plan: plan, seed: self.configuration.seed) }
    }

    /// Faults injected so far, by kind.
    func injectedDealingFaults() -> [DealingFault: Int] {
        self.withFaultInjector { $0.injected }
    }

    /// Dealing statistics: positions and orders held, and client references presented more than once.
    func dealingStatistics() -> (positions: Int, orders: Int, reusedReferences: Int, executedReferences: Int) {
        let now = self.now
        return self.readDealing(now: now) { engine in
            (
                engine.positions.count, engine.orders.count, engine.referenceUses.values.filter { $0 > 1 }.count,
                engine.referenceUses.count
            )
        }
    }

    /// `/simulator/faults/dealing` and `/simulator/dealing/stats`; nil when the path is not a dealing admin path.
    func handleDealingAdmin(_ request: RESTRequest, path: String) -> RESTResponse? {
        switch (request.method, path) {
        case ("GET", "faults/dealing"):
            let plan = self.withFaultInjector { $0.plan }
            return .ok(Self.faultPlanJSON(plan, injected: self.injectedDealingFaults()))
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
            plan.probability = min(1, max(0, body["probability"]?.doubleValue ?? 0))
            plan.nextCount = max(0, body["count"]?.intValue ?? 0)
            if let ms = body["delayMs"]?.intValue { plan.delay = .milliseconds(ms) }
            self.setDealingFaults(plan)
            return .ok(["status": "SUCCESS"])
        case ("DELETE", "faults/dealing"):
            self.setDealingFaults(.none)
            return .ok(["status": "SUCCESS"])
        case ("GET", "dealing/stats"):
            let stats = self.dealingStatistics()
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

    static func faultPlanJSON(_ plan: DealingFaultPlan, injected: [DealingFault: Int]) -> JSONValue {
        [
            "kinds": .array(plan.kinds.map { .string($0.rawValue) }),
            "probability": .double(plan.probability),
            "count": .int(plan.nextCount),
            "delayMs": .int(Int(plan.delay.seconds * 1000)),
            "injected": .object(DealingFault.allCases.map { ($0.rawValue, .int(injected[$0] ?? 0)) }),
        ]
    }
}
