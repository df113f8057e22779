import Foundation

/// How the simulator's clock moves: with wall time, faster than wall time from a start, or only when asked.
///
/// Everything time-dependent follows the clock: quotes, history's latest bars, streamed ticks and candles,
/// working-order triggers, stops and limits, sprint expiries, the ledgers' timestamps and token lifetimes.
public enum SimulatorClockMode: Sendable, Hashable {
    /// Wall time (the default).
    case wall
    /// `speed` times wall time from `start` (the simulator's time is `start` when it is created).
    case accelerated(start: Date, speed: Double)
    /// Stands at `start` and moves only through ``IGSimulator/advanceClock(to:)``, ``IGSimulator/advanceClock(by:)``
    /// or `POST /simulator/clock`: a backtest then runs as fast as its strategy reacts, the same way every time.
    case stepped(start: Date)

    /// True for ``stepped(start:)``.
    public var isStepped: Bool {
        if case .stepped = self { return true }
        return false
    }
}
