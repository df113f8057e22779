import Foundation

/// The simulator's one clock: a ``ClockState`` behind a lock, read by every area through ``SimulatorContext/now``.
final class SimulatorClock: Sendable {
    private let state: Locked<ClockState>
    private let wall: @Sendable () -> Date
    /// The simulated time when the clock was created (the start of a run).
    let started: Date

    /// A clock in `mode`; `wall` reads wall time (injectable for tests).
    init(mode: SimulatorClockMode, wall: @escaping @Sendable () -> Date = { Date() }) {
        self.wall = wall
        let now = wall()
        let state = ClockState(mode: mode, wall: now)
        self.started = state.now(wall: now)
        self.state = Locked(state)
    }

    /// The mode the clock was created with.
    var mode: SimulatorClockMode { self.state.withLock { $0.mode } }

    /// The simulated time now.
    var now: Date {
        let wall = self.wall()
        return self.state.withLock { $0.now(wall: wall) }
    }

    /// Moves a stepped clock to `target`.
    func move(to target: Date) throws(ClockMoveError) -> Date {
        let wall = self.wall()
        return try self.state.withLock { state in
            Result { () throws(ClockMoveError) in try state.move(to: target, wall: wall) }
        }
        .get()
    }

    /// Moves a stepped clock forward by `seconds`.
    func step(by seconds: Double) throws(ClockMoveError) -> Date {
        let wall = self.wall()
        return try self.state.withLock { state in
            Result { () throws(ClockMoveError) in try state.step(by: seconds, wall: wall) }
        }.get()
    }
}
