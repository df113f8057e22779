import Foundation
import Testing

@testable import IGSimulator

@Suite("The simulator's clock (pure state)")
struct ClockStateTests {
    static let start = Date(timeIntervalSince1970: 1_740_988_800)  // 2025-03-03T08:00:00Z
    static let wall = Date(timeIntervalSince1970: 2_000_000_000)

    @Test func wallTimeIsPassedThroughAndCannotBeMoved() {
        var state = ClockState(mode: .wall, wall: Self.wall)
        #expect(state.now(wall: Self.wall.addingTimeInterval(5)) == Self.wall.addingTimeInterval(5))
        let error = #expect(throws: ClockMoveError.self) { try state.step(by: 60, wall: Self.wall) }
        #expect(error?.code == .notStepped)
        #expect(error?.code.rawValue == "error.simulator.clock-not-stepped")
        #expect(error?.hint == "start it with a stepped clock (--clock TIME --stepped) to move it")
    }

    @Test func acceleratedRunsSpeedTimesWallTimeFromItsStart() {
        var state = ClockState(mode: .accelerated(start: Self.start, speed: 60), wall: Self.wall)
        #expect(state.now(wall: Self.wall) == Self.start)
        #expect(state.now(wall: Self.wall.addingTimeInterval(2)) == Self.start.addingTimeInterval(120))
        let error = #expect(throws: ClockMoveError.self) { try state.move(to: Self.start, wall: Self.wall) }
        #expect(error?.code == .notStepped)
    }

    @Test func steppedStandsStillAndMovesOnlyForward() throws {
        var state = ClockState(mode: .stepped(start: Self.start), wall: Self.wall)
        #expect(state.now(wall: Self.wall.addingTimeInterval(3600)) == Self.start)
        #expect(try state.step(by: 60, wall: Self.wall) == Self.start.addingTimeInterval(60))
        #expect(state.now(wall: Self.wall) == Self.start.addingTimeInterval(60))
        let later = Self.start.addingTimeInterval(86_400)
        #expect(try state.move(to: later, wall: Self.wall) == later)
        let back = #expect(throws: ClockMoveError.self) { try state.move(to: Self.start, wall: Self.wall) }
        #expect(back?.code == .backwards)
        #expect(back?.current == later)
        #expect(back?.message == "the clock stands at 2025-03-04T08:00:00Z and never goes back")
        #expect(back?.hint == "ask for a later time")
        #expect(back == .backwards(current: later))
        for step in [0, -.infinity, .nan] as [Double] {
            let refused = #expect(throws: ClockMoveError.self) { try state.step(by: step, wall: Self.wall) }
            #expect(refused?.code == .invalidStep)
            #expect(refused?.description == "a step must be a positive number of seconds")
        }
        let far = #expect(throws: ClockMoveError.self) {
            try state.move(to: Date(timeIntervalSince1970: 1e15), wall: Self.wall)
        }
        #expect(far?.code == .outOfRange)
        #expect(far?.hint == nil)
        #expect(state.now(wall: Self.wall) == later)
    }
}
