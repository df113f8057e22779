import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

@Suite("Stepped and accelerated clocks over HTTP and Lightstreamer")
struct SteppedClockTests {
    /// 2025-03-03T08:00:00Z, a Monday.
    static let start = Date(timeIntervalSince1970: 1_740_988_800)
    static let epic = "CS.D.EURUSD.MINI.IP"

    static func stepped() -> SimulatorConfiguration {
        var configuration = StreamingTest.configuration()
        configuration.clock = .stepped(start: Self.start)
        return configuration
    }

    @Test func theClockRouteShowsMovesAndRefusesGoingBack() async throws {
        try await SimulatorHarness.with(Self.stepped()) { harness in
            let shown = try await harness.send(.GET, "/simulator/clock")
            #expect(shown.json["time"] == "2025-03-03T08:00:00Z")
            #expect(shown.json["mode"] == "STEPPED")
            let stepped = try await harness.send(.POST, "/simulator/clock", body: #"{"step": 90}"#)
            #expect(stepped.status == 200)
            #expect(stepped.json["time"] == "2025-03-03T08:01:30Z")
            let moved = try await harness.send(.POST, "/simulator/clock", body: #"{"time": "2025-03-03T09:00:00Z"}"#)
            #expect(moved.json["epochMillis"]?.intValue == 1_740_992_400_000)
            let back = try await harness.send(.POST, "/simulator/clock", body: #"{"time": "2025-03-03T08:30:00Z"}"#)
            #expect(back.status == 400 && back.errorCode == "error.simulator.clock-backwards")
            let bad = try await harness.send(.POST, "/simulator/clock", body: #"{"time": "yesterday"}"#)
            #expect(bad.status == 400 && bad.errorCode == "error.simulator.clock-invalid-time")
            let zero = try await harness.send(.POST, "/simulator/clock", body: #"{"step": 0}"#)
            #expect(zero.status == 400 && zero.errorCode == "error.simulator.clock-invalid-step")
            #expect(harness.simulator.now == Date(timeIntervalSince1970: 1_740_992_400))
            try await harness.simulator.advanceClock(by: .seconds(60))
            #expect(harness.simulator.now == Date(timeIntervalSince1970: 1_740_992_460))
        }
    }

    @Test func aWallClockRefusesToMove() async throws {
        try await SimulatorHarness.with { harness in
            let refused = try await harness.send(.POST, "/simulator/clock", body: #"{"step": 60}"#)
            #expect(refused.status == 400 && refused.errorCode == "error.simulator.clock-not-stepped")
            let error = await #expect(throws: ClockMoveError.self) {
                try await harness.simulator.advanceClock(by: .seconds(1))
            }
            #expect(error?.code == .notStepped)
            #expect(
                error?.description
                    == "the simulator's clock is not stepped; start it with a stepped clock (--clock TIME --stepped) "
                    + "to move it")
        }
    }

    @Test func theSimulatorsClockAPIRefusesGoingBackAStepThatIsNotPositiveAndTheYear10000() async throws {
        try await SimulatorHarness.with(Self.stepped()) { harness in
            let later = try await harness.simulator.advanceClock(to: Self.start.addingTimeInterval(3600))
            let back = await #expect(throws: ClockMoveError.self) {
                try await harness.simulator.advanceClock(to: Self.start)
            }
            #expect(back?.code == .backwards)
            #expect(back?.current == later)
            #expect(back?.message == "the clock stands at 2025-03-03T09:00:00Z and never goes back")
            #expect(back?.hint == "ask for a later time")
            let zero = await #expect(throws: ClockMoveError.self) {
                try await harness.simulator.advanceClock(by: .zero)
            }
            #expect(zero?.code == .invalidStep)
            #expect(zero?.hint == nil)
            let far = await #expect(throws: ClockMoveError.self) {
                try await harness.simulator.advanceClock(to: Date(timeIntervalSince1970: 1e12))
            }
            #expect(far?.code == .outOfRange)
            #expect(harness.simulator.now == later)
            // The route answers each refusal with the code's raw value.
            let farOverHTTP = try await harness.send(.POST, "/simulator/clock", body: #"{"time": 1000000000000000}"#)
            #expect(farOverHTTP.status == 400 && farOverHTTP.errorCode == ClockMoveError.Code.outOfRange.rawValue)
            #expect(harness.simulator.now == later)
        }
    }

    @Test func latestBarsAndTokenLifetimesFollowTheClock() async throws {
        try await SimulatorHarness.with(Self.stepped()) { harness in
            let tokens = try await harness.login()
            func lastBar() async throws -> String? {
                let result = try await harness.send(
                    .GET, "/prices/\(Self.epic)?resolution=MINUTE&max=1", tokens: tokens, version: 3)
                return result.json["prices"]?.elements.last?["snapshotTimeUTC"]?.stringValue
            }
            #expect(try await lastBar() == "2025-03-03T08:00:00")
            try await harness.simulator.advanceClock(by: .seconds(300))
            #expect(try await lastBar() == "2025-03-03T08:05:00")

            let (bearer, _) = try await harness.loginV3()
            let accounts = try await harness.send(.GET, "/accounts", tokens: bearer)
            #expect(accounts.status == 200)
            try await harness.simulator.advanceClock(by: .seconds(61))
            let expired = try await harness.send(.GET, "/accounts", tokens: bearer)
            #expect(expired.status == 401 && expired.errorCode == "error.security.oauth-token-invalid")
        }
    }

    @Test func aStepDeliversTheCandlesOfTheNewTimeBeforeItIsAnswered() async throws {
        try await SimulatorHarness.with(Self.stepped()) { harness in
            let socket = try await StreamingTest.subscribe(
                harness, item: "CHART:\(Self.epic):1MINUTE", mode: "MERGE", schema: "UTM BID_CLOSE CONS_END",
                snapshot: true)
            var values = MergedValues()
            values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
            #expect(values.current == ["1740988800000", values.current[1], "0"])
            var updates = [[String]]()
            for minute in 1...5 {
                let answer = try await harness.send(.POST, "/simulator/clock", body: #"{"step": 60}"#)
                #expect(answer.status == 200)
                // The updates of the new minute were handed to the connection before the step was answered, and
                // the clock stands still meanwhile: the lines up to the new candle are exactly the step's.
                let newStart = String(1_740_988_800_000 + minute * 60_000)
                repeat {
                    values.apply(try #require(await socket.line(startingWith: "U,1,1,")))
                    updates.append(values.current)
                } while values.current[0] != newStart
            }
            // Each step completes the previous candle (CONS_END=1) and opens the new one (CONS_END=0).
            #expect(updates.count == 10)
            #expect(updates.map { $0[2] } == Array(repeating: ["1", "0"], count: 5).flatMap { $0 })
            #expect(updates.map { $0[0] }.last == "1740989100000")
            await socket.close()
        }
    }
}

/// The current field values of one MERGE item, decoded from TLCP update lines (unchanged-field runs included).
struct MergedValues {
    var current: [String] = []

    mutating func apply(_ line: String) {
        var index = 0
        for token in StreamingTest.tokens(line) {
            if token.hasPrefix("^"), let count = Int(token.dropFirst()) {
                index += count
                continue
            }
            while self.current.count <= index { self.current.append("") }
            if !token.isEmpty { self.current[index] = token == "#" || token == "$" ? "" : token }
            index += 1
        }
    }
}
