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
        #expect(throws: ClockMoveError.notStepped) { try state.step(by: 60, wall: Self.wall) }
    }

    @Test func acceleratedRunsSpeedTimesWallTimeFromItsStart() {
        var state = ClockState(mode: .accelerated(start: Self.start, speed: 60), wall: Self.wall)
        #expect(state.now(wall: Self.wall) == Self.start)
        #expect(state.now(wall: Self.wall.addingTimeInterval(2)) == Self.start.addingTimeInterval(120))
        #expect(throws: ClockMoveError.notStepped) { try state.move(to: Self.start, wall: Self.wall) }
    }

    @Test func steppedStandsStillAndMovesOnlyForward() throws {
        var state = ClockState(mode: .stepped(start: Self.start), wall: Self.wall)
        #expect(state.now(wall: Self.wall.addingTimeInterval(3600)) == Self.start)
        #expect(try state.step(by: 60, wall: Self.wall) == Self.start.addingTimeInterval(60))
        #expect(state.now(wall: Self.wall) == Self.start.addingTimeInterval(60))
        let later = Self.start.addingTimeInterval(86_400)
        #expect(try state.move(to: later, wall: Self.wall) == later)
        #expect(throws: ClockMoveError.backwards(current: later)) { try state.move(to: Self.start, wall: Self.wall) }
        #expect(throws: ClockMoveError.invalidStep) { try state.step(by: 0, wall: Self.wall) }
        #expect(throws: ClockMoveError.invalidStep) { try state.step(by: -.infinity, wall: Self.wall) }
        #expect(throws: ClockMoveError.invalidStep) { try state.step(by: .nan, wall: Self.wall) }
        #expect(throws: ClockMoveError.outOfRange) {
            try state.move(to: Date(timeIntervalSince1970: 1e15), wall: Self.wall)
        }
        #expect(state.now(wall: Self.wall) == later)
    }
}
