import Foundation

extension IGSimulator {
    /// The simulator's current time (wall time, accelerated or stepped; see ``SimulatorConfiguration/clock``).
    public var now: Date { self.core.context.now }

    /// Moves a stepped clock to `time` and returns once every bound Lightstreamer connection has been handed the
    /// updates of the new time (ticks, candles, trade and account events), so a backtest is deterministic.
    ///
    /// - Throws: ``ClockMoveError`` when the clock is not stepped or `time` lies before the current time.
    @discardableResult
    public func advanceClock(to time: Date) async throws(ClockMoveError) -> Date {
        try self.core.testControls.advanceClock(to: time)
        await self.core.context.streaming.waitUntilDelivered()
        return self.now
    }

    /// Moves a stepped clock forward by `step` and returns once the streams carry the updates of the new time.
    ///
    /// - Throws: ``ClockMoveError`` when the clock is not stepped or `step` is not positive.
    @discardableResult
    public func advanceClock(by step: Duration) async throws(ClockMoveError) -> Date {
        try self.core.testControls.advanceClock(by: step.timeInterval)
        await self.core.context.streaming.waitUntilDelivered()
        return self.now
    }
}
