import Foundation

/// The running state of a fault plan: counts requests and draws deterministically.
struct DealingFaultInjector: Sendable {
    var plan: DealingFaultPlan
    let seed: UInt64
    var drawn: UInt64 = 0
    var injected: [DealingFault: Int] = [:]

    /// The fault for the next dealing request, if any.
    mutating func next() -> DealingFault? {
        guard self.plan.isActive else { return nil }
        self.drawn += 1
        var random = RandomStream(seed: DeterministicHash.combine(self.seed, 0xFA17, self.drawn))
        let chosen: Bool
        if self.plan.nextCount > 0 {
            self.plan.nextCount -= 1
            chosen = true
        } else {
            chosen = random.uniform() < self.plan.probability
        }
        guard chosen else { return nil }
        let fault = self.plan.kinds[random.index(below: self.plan.kinds.count)]
        self.injected[fault, default: 0] += 1
        return fault
    }
}
