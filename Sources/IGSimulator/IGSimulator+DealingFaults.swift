import Foundation

extension IGSimulator {
    /// Replaces the dealing fault plan at run time (as `PUT /simulator/faults/dealing` does). Faults apply to
    /// dealing mutations (create/amend/close positions, create/amend/delete working orders) *after* the deal
    /// was executed.
    public func setDealingFaults(_ plan: DealingFaultPlan) async {
        self.core.context.desk.setDealingFaults(plan)
    }

    /// Injects `fault` into the next `count` dealing mutations.
    public func injectDealingFault(_ fault: DealingFault, count: Int = 1, delay: Duration = .seconds(3)) async {
        self.core.context.desk.setDealingFaults(
            DealingFaultPlan(kinds: [fault], probability: 0, nextCount: count, delay: delay))
    }

    /// Stops injecting dealing faults.
    public func clearDealingFaults() async {
        self.core.context.desk.setDealingFaults(.none)
    }

    /// Replays the price path up to now so that stops, limits, trailing stops and working orders that the path
    /// crossed trigger (and their TRADE/ACCOUNT events are published) without waiting for the next request.
    /// Dealing requests do this by themselves; a streaming server can call it on a timer.
    public func advanceDealing() async {
        self.core.context.desk.withDealing(now: self.core.now) { _ in ((), []) }
    }

    /// How many dealing faults of each kind were injected since the plan was last set.
    public func injectedDealingFaults() async -> [DealingFault: Int] {
        self.core.context.desk.injectedDealingFaults()
    }

    /// The dealing engine's book: open positions and working orders of every account, and how many client deal
    /// references were presented more than once (a resent order; the engine never executes it twice).
    public func dealingBook() async -> DealingBook {
        let stats = self.core.context.desk.dealingStatistics(now: self.core.now)
        let now = self.core.now
        let references = self.core.context.desk.readDealing(now: now) { engine in engine.positions.map(\.dealReference)
        }
        return DealingBook(
            openPositions: stats.positions, workingOrders: stats.orders, positionReferences: references,
            reusedReferences: stats.reusedReferences)
    }
}
