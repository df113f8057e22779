import Foundation

extension IGSimulator {
    /// The simulator's current time (wall time, accelerated or stepped; see ``SimulatorConfiguration/clock``).
    public var now: Date { self.core.context.now }

    /// Moves a stepped clock to `time` and returns once every bound Lightstreamer connection has been handed the
    /// updates of the new time (ticks, candles, trade and account events), so a backtest is deterministic.
    ///
    /// - Throws: ``ClockMoveError`` with the code ``ClockMoveError/Code/notStepped`` when the clock is not stepped,
    ///   ``ClockMoveError/Code/backwards`` when `time` lies before the current time and
    ///   ``ClockMoveError/Code/outOfRange`` when it lies outside years 0001–9999.
    @discardableResult
    public func advanceClock(to time: Date) async throws(ClockMoveError) -> Date {
        try self.core.testControls.advanceClock(to: time)
        await self.core.context.streaming.waitUntilDelivered()
        return self.now
    }

    /// Moves a stepped clock forward by `step` and returns once the streams carry the updates of the new time.
    ///
    /// - Throws: ``ClockMoveError`` with the code ``ClockMoveError/Code/notStepped`` when the clock is not stepped,
    ///   ``ClockMoveError/Code/invalidStep`` when `step` is not positive and ``ClockMoveError/Code/outOfRange`` when
    ///   the step would take the clock past the year 9999.
    @discardableResult
    public func advanceClock(by step: Duration) async throws(ClockMoveError) -> Date {
        try self.core.testControls.advanceClock(by: step.timeInterval)
        await self.core.context.streaming.waitUntilDelivered()
        return self.now
    }
}
