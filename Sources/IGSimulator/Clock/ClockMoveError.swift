import Foundation

/// Why the simulator's clock refused to move.
///
/// A struct, so that a later kind of refusal is not a breaking change: compare ``code`` with `==`. The code's
/// ``Code/rawValue`` is the IG-style `errorCode` the `POST /simulator/clock` route answers with.
public struct ClockMoveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of refusal, compared with `==` (a new code is not a breaking change).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The IG-style error code, e.g. `error.simulator.clock-backwards`.
        public let rawValue: String

        /// The code named `rawValue` (a name this build does not know is kept as it is).
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The clock is not stepped: it follows wall time (possibly accelerated) and cannot be moved.
        public static let notStepped = Code(rawValue: "error.simulator.clock-not-stepped")
        /// The target lies before the clock's current time; simulated time never goes back.
        public static let backwards = Code(rawValue: "error.simulator.clock-backwards")
        /// A step that is not a positive, finite number of seconds.
        public static let invalidStep = Code(rawValue: "error.simulator.clock-invalid-step")
        /// A target outside years 0001–9999.
        public static let outOfRange = Code(rawValue: "error.simulator.clock-out-of-range")

        /// The IG-style error code.
        public var description: String { rawValue }
    }

    /// What kind of refusal this is.
    public let code: Code
    /// What went wrong.
    public let message: String
    /// What to do instead, when there is something to do.
    public let hint: String?
    /// The time the clock stood at when it refused, for ``Code/backwards``.
    public let current: Date?

    private init(_ code: Code, _ message: String, hint: String? = nil, current: Date? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.current = current
    }

    /// The clock is not stepped: it follows wall time (possibly accelerated) and cannot be moved.
    public static let notStepped = ClockMoveError(
        .notStepped, "the simulator's clock is not stepped",
        hint: "start it with a stepped clock (--clock TIME --stepped) to move it")

    /// The target lies before `current`, the clock's time; simulated time never goes back.
    public static func backwards(current: Date) -> ClockMoveError {
        ClockMoveError(
            .backwards, "the clock stands at \(current.formatted(.iso8601)) and never goes back",
            hint: "ask for a later time", current: current)
    }

    /// A step that is not a positive, finite number of seconds.
    public static let invalidStep = ClockMoveError(.invalidStep, "a step must be a positive number of seconds")

    /// A target outside years 0001–9999.
    public static let outOfRange = ClockMoveError(
        .outOfRange, "the target time must lie between the years 0001 and 9999")

    /// What went wrong and, when there is one, what to do instead.
    public var description: String {
        guard let hint else { return message }
        return message + "; " + hint
    }
}
