import Foundation

/// The pure state of the simulator's clock: where simulated time stood at an anchor instant of wall time, and how
/// fast it runs from there. No I/O: the wall time is passed in.
struct ClockState: Sendable, Hashable {
    /// The mode the clock was created with.
    let mode: SimulatorClockMode
    /// Wall time at the anchor.
    private(set) var wallAnchor: Date
    /// Simulated time at the anchor.
    private(set) var simulatedAnchor: Date

    /// A clock in `mode`, created at wall time `wall`.
    init(mode: SimulatorClockMode, wall: Date) {
        self.mode = mode
        self.wallAnchor = wall
        switch mode {
        case .wall: self.simulatedAnchor = wall
        case .accelerated(let start, _), .stepped(let start): self.simulatedAnchor = start
        }
    }

    /// The simulated time at wall time `wall`.
    func now(wall: Date) -> Date {
        switch self.mode {
        case .wall:
            return wall
        case .stepped:
            return self.simulatedAnchor
        case .accelerated(_, let speed):
            let elapsed = wall.timeIntervalSince(self.wallAnchor) * speed
            guard elapsed.isFinite else { return self.simulatedAnchor }
            return self.simulatedAnchor.addingTimeInterval(elapsed)
        }
    }

    /// Moves a stepped clock to `target`, which must not lie before the current time.
    mutating func move(to target: Date, wall: Date) throws(ClockMoveError) -> Date {
        guard self.mode.isStepped else { throw .notStepped }
        let seconds = target.timeIntervalSince1970
        guard seconds.isFinite, seconds >= -62_135_596_800, seconds <= 253_402_300_799 else {
            throw .outOfRange
        }
        guard target >= self.simulatedAnchor else { throw .backwards(current: self.simulatedAnchor) }
        self.simulatedAnchor = target
        self.wallAnchor = wall
        return target
    }

    /// Moves a stepped clock forward by `seconds` (positive, finite).
    mutating func step(by seconds: Double, wall: Date) throws(ClockMoveError) -> Date {
        guard seconds.isFinite, seconds > 0 else { throw .invalidStep }
        return try self.move(to: self.simulatedAnchor.addingTimeInterval(seconds), wall: wall)
    }
}
