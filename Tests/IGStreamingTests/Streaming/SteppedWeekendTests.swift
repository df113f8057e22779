import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

@Suite("A stepped backtest across a weekend", .timeLimit(.minutes(1)))
struct SteppedWeekendTests {
    /// 2025-03-07T23:55:00Z, a Friday five minutes before the weekend.
    static let friday = Date(timeIntervalSince1970: 1_741_391_700)
    /// 2025-03-10T00:00:00Z, the Monday after.
    static let monday = Date(timeIntervalSince1970: 1_741_564_800)
    static let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")

    /// The next complete candle at or after `minute` (earlier ones, and candles still running, are skipped).
    static func completeCandle(
        at minute: Date, from iterator: inout IGStreamingSubscription<IGCandle>.AsyncIterator
    ) async throws -> IGCandle? {
        while let event = try await iterator.next() {
            guard case .update(let candle) = event, candle.isComplete, let time = candle.time else { continue }
            if time >= minute { return candle }
        }
        return nil
    }

    @Test("Candles keep coming after 48 idle hours, and the client keeps the venue's allowances")
    func candlesAndDealsAfterTheWeekend() async throws {
        var configuration = SimulatorConfiguration.testing
        configuration.clock = .stepped(start: Self.friday)
        configuration.allowances = .unlimited
        try await IGSimulator.withRunning(configuration: configuration) { simulator, url in
            // Default pacing (.automatic): the client reads the venue's allowances on its first REST request.
            let client = try IGClient(
                configuration: IGClient.Configuration(environment: .custom(url)), credentials: .simulator)
            let streaming = IGStreamingClient(client: client)
            let candles = streaming.candles([Self.epic], scale: .oneMinute, buffering: .unbounded)
            let run = Task { try await streaming.run() }
            defer {
                streaming.shutdown()
                run.cancel()
            }
            var iterator = candles.makeAsyncIterator()
            _ = try await iterator.next()  // the snapshot: the stream is connected and its login used

            // Friday's last minutes, then the weekend in one jump: the last candle before it completes by the clock
            // alone (no later candle starts until Monday).
            try await simulator.advanceClock(to: Self.friday.addingTimeInterval(300))
            let lastFriday = try #require(
                try await Self.completeCandle(at: Self.friday.addingTimeInterval(240), from: &iterator))
            #expect(lastFriday.time == Self.friday.addingTimeInterval(240))
            try await simulator.advanceClock(to: Self.monday)

            // Monday: every minute's candle arrives, and deals go through. The first REST request comes 48 hours
            // after the login, whose tokens expired after 6 idle hours.
            var times = [Date]()
            for minute in 0..<5 {
                try await simulator.advanceClock(by: .seconds(60))
                let closed = Self.monday.addingTimeInterval(TimeInterval(minute * 60))
                let candle = try #require(try await Self.completeCandle(at: closed, from: &iterator))
                times.append(try #require(candle.time))
                let order = PositionOrder(
                    epic: Self.epic, direction: minute.isMultiple(of: 2) ? .buy : .sell, size: 1, forceOpen: false)
                let confirmation = try await client.dealing.open(order)
                #expect(confirmation.dealStatus == .accepted)
            }
            #expect(times == (0..<5).map { Self.monday.addingTimeInterval(TimeInterval($0 * 60)) })
            // The allowances the venue publishes, read with a fresh login, not the fallback (IG LIVE: 30 a minute),
            // which would pace a stepped backtest in wall time.
            let status = await client.rateLimits.status()
            #expect(status.allowances?.accountOverall == SimulatorAllowances.unlimited.accountOverall)
        }
    }
}
