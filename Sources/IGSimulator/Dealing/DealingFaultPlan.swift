import Foundation

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
