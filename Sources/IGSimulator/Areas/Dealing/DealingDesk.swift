import Foundation

/// The dealing engine behind a lock, created on first use, with the fault injector that may spoil the answers of
/// executed deals. Events the engine emits are published after the lock is released.
final class DealingDesk: Sendable {
    private let configuration: SimulatorConfiguration
    private let catalog: Catalog
    private let prices: PriceEngine
    private let accounts: [SimulatedAccount]
    private let events: ExchangeEventHub
    private let engine = Locked<DealingEngine?>(nil)
    private let faults = Locked<DealingFaultInjector?>(nil)

    init(
        configuration: SimulatorConfiguration, catalog: Catalog, prices: PriceEngine, accounts: [SimulatedAccount],
        events: ExchangeEventHub
    ) {
        self.configuration = configuration
        self.catalog = catalog
        self.prices = prices
        self.accounts = accounts
        self.events = events
    }

    /// Runs `body` on the dealing engine after replaying the price path to `now`; publishes the events after
    /// the lock is released.
    func withDealing<Result>(now: Date, _ body: (inout DealingEngine) -> (Result, [ExchangeEvent])) -> Result {
        let (result, events) = self.engine.withLock { slot -> (Result, [ExchangeEvent]) in
            var engine = slot ?? self.makeEngine(now: now)
            var events = [ExchangeEvent]()
            // Overnight funding and dated contracts' expiries, in time order: replay up to each moment, charge the
            // positions open then or settle the expiring contracts, carry on.
            let moments =
                engine.contractExpiries(through: now).map { ($0, true) }
                + engine.fundingCutOffs(through: now).map { ($0, false) }
            for (second, isExpiry) in moments.sorted(by: { ($0.0, $0.1 ? 0 : 1) < ($1.0, $1.1 ? 0 : 1) }) {
                events += engine.advance(to: Date(timeIntervalSince1970: TimeInterval(second)))
                if isExpiry { events += engine.expireContracts(at: second) } else { engine.chargeFunding(at: second) }
            }
            events += engine.advance(to: now)
            let (result, more) = body(&engine)
            events += more
            slot = engine
            return (result, events)
        }
        for event in events { self.events.publish(event) }
        return result
    }

    /// A new engine at `now`; unless the configuration asks for fresh accounts or replays or relays prices, with the
    /// accounts' past (generated from the synthetic path, which a backtest or a paper-trading run does not show).
    private func makeEngine(now: Date) -> DealingEngine {
        var engine = DealingEngine(
            market: DealingMarket(catalog: self.catalog, prices: self.prices),
            settings: self.configuration.dealing, seed: self.configuration.seed, accounts: self.accounts, now: now)
        if !self.configuration.freshAccounts, self.configuration.replay == nil { engine.writePast(now: now) }
        return engine
    }

    /// Creates the engine now (with the accounts' past), so the first request does not pay for writing it.
    func preparePast(now: Date) {
        self.engine.withLock { slot in
            if slot == nil { slot = self.makeEngine(now: now) }
        }
    }

    /// Reads the engine without changing anything but the replayed path.
    func readDealing<Result>(now: Date, _ body: (DealingEngine) -> Result) -> Result {
        self.withDealing(now: now) { engine in (body(engine), []) }
    }

    /// Looks at the engine as it stands, without creating it or replaying the price path (nil before first use).
    func inspect<Result>(_ body: (DealingEngine?) -> Result) -> Result {
        self.engine.withLock { body($0) }
    }

    /// The injector, created from the configuration on first use.
    func withFaultInjector<Result>(_ body: (inout DealingFaultInjector) -> Result) -> Result {
        self.faults.withLock { slot in
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
        self.faults.withLock { $0 = DealingFaultInjector(plan: plan, seed: self.configuration.seed) }
    }

    /// Faults injected so far, by kind.
    func injectedDealingFaults() -> [DealingFault: Int] {
        self.withFaultInjector { $0.injected }
    }

    /// Dealing statistics: positions and orders held, and client references presented more than once.
    func dealingStatistics(now: Date) -> (positions: Int, orders: Int, reusedReferences: Int, executedReferences: Int) {
        self.readDealing(now: now) { engine in
            (
                engine.positions.count, engine.orders.count, engine.referenceUses.values.filter { $0 > 1 }.count,
                engine.referenceUses.count
            )
        }
    }
}
