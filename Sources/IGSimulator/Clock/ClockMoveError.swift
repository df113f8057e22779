import Foundation

/// Why the simulator's clock refused to move.
public enum ClockMoveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The clock is not stepped: it follows wall time (possibly accelerated) and cannot be moved.
    case notStepped
    /// The target lies before the clock's current time; simulated time never goes back.
    case backwards(current: Date)
    /// A step that is not a positive, finite number of seconds.
    case invalidStep
    /// A target outside years 0001–9999.
    case outOfRange

    /// IG-style error code the `POST /simulator/clock` route answers with.
    public var code: String {
        switch self {
        case .notStepped: "error.simulator.clock-not-stepped"
        case .backwards: "error.simulator.clock-backwards"
        case .invalidStep: "error.simulator.clock-invalid-step"
        case .outOfRange: "error.simulator.clock-out-of-range"
        }
    }

    /// What went wrong and what to do instead.
    public var description: String {
        switch self {
        case .notStepped:
            "the simulator's clock is not stepped; start it with a stepped clock (--clock TIME --stepped) to move it"
        case .backwards(let current):
            "the clock stands at \(current.formatted(.iso8601)) and never goes back; ask for a later time"
        case .invalidStep:
            "a step must be a positive number of seconds"
        case .outOfRange:
            "the target time must lie between the years 0001 and 9999"
        }
    }
}
