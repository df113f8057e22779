public import Foundation

/// A shared work unit that is not done: waiting, held by a worker, or refused by IG. What `ig history status` lists
/// under the coverage.
public struct QueuedUnit: Sendable, Hashable, Codable {
    /// Where a unit stands.
    public enum State: String, Sendable, Hashable, Codable {
        /// Nobody holds it: the next `ig history sync` against its environment fetches it.
        case pending
        /// A worker holds it until ``QueuedUnit/claimExpires``; after that any worker may take it over.
        case claimed
        /// IG refused it (an unknown epic): no worker claims it until a plan asks for the range again.
        case failed
    }

    /// The unit: series, range and estimated points.
    public var unit: WorkUnit
    /// Where it stands.
    public var state: State
    /// The worker that holds it, or held it when IG refused it.
    public var worker: String?
    /// When a claim runs out (claimed units only).
    public var claimExpires: Date?

    /// Whether a worker holds the unit at `now`: claimed, and the claim has not run out. A unit that is not held and
    /// not failed is one the next sync claims (``MarketDataStore/dropQueued(environment:key:now:)`` keeps held ones).
    public func isHeld(at now: Date) -> Bool {
        state == .claimed && (claimExpires ?? now) > now
    }

    /// A queued unit from its parts.
    public init(unit: WorkUnit, state: State, worker: String? = nil, claimExpires: Date? = nil) {
        self.unit = unit
        self.state = state
        self.worker = worker
        self.claimExpires = claimExpires
    }
}
