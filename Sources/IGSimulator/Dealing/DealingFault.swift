import Foundation

/// A fault the simulator injects into the answer of a dealing request *after* the deal was executed, so that
/// the caller cannot know the outcome from the HTTP exchange alone.
public enum DealingFault: String, Sendable, Hashable, CaseIterable {
    /// Close the connection without answering.
    case dropResponse = "drop"
    /// Answer 500 `system.error`.
    case serverError = "500"
    /// Answer only after ``DealingFaultPlan/delay`` (longer than the client's timeout).
    case delay = "delay"
    /// Send the response head, then break the connection in the middle of the body.
    case reset = "reset"
}

/// Which dealing requests get which faults. Deterministic: the choice for the n-th dealing request depends only
/// on the simulator seed and n.
public struct DealingFaultPlan: Sendable, Hashable {
    /// The faults to choose from (uniformly).
    public var kinds: [DealingFault]
    /// Probability that a dealing request gets a fault (0…1).
    public var probability: Double
    /// When set, exactly the next `count` dealing requests get a fault (then the probability applies again).
    public var nextCount: Int
    /// How long ``DealingFault/delay`` holds the answer.
    public var delay: Duration

    /// Creates a plan.
    public init(
        kinds: [DealingFault] = DealingFault.allCases, probability: Double = 0, nextCount: Int = 0,
        delay: Duration = .seconds(3)
    ) {
        self.kinds = kinds
        self.probability = probability
        self.nextCount = nextCount
        self.delay = delay
    }

    /// No faults.
    public static let none = DealingFaultPlan(kinds: DealingFault.allCases, probability: 0)

    /// Whether the plan can ever inject anything.
    public var isActive: Bool { !self.kinds.isEmpty && (self.probability > 0 || self.nextCount > 0) }
}

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
