import Testing

@testable import IGSimulator

/// The connection guard's decisions, without sockets.
@Suite("Connection guard state machine")
struct ConnectionGuardStateMachineTests {
    private var limits: ConnectionLimits {
        var limits = ConnectionLimits()
        limits.requestHeadTimeout = .seconds(10)
        limits.idleTimeout = .seconds(75)
        limits.maximumURILength = 100
        return limits
    }

    @Test func aRequestCancelsTheHeadTimerAndItsEndArmsTheIdleTimer() {
        var machine = ConnectionGuardStateMachine(limits: self.limits)
        #expect(machine.opened() == .schedule(.seconds(10), generation: 1))
        #expect(machine.requestHead(uriLength: 10, upgrade: false) == .forward)
        #expect(machine.timerFired(generation: 1) == .none, "a stale timer does nothing")
        #expect(machine.requestEnd() == (.forward, .none))
        #expect(machine.responseEnd() == .schedule(.seconds(75), generation: 3))
        #expect(machine.timerFired(generation: 3) == .close)
        #expect(machine.requestHead(uriLength: 10, upgrade: false) == .drop)
    }

    @Test func aResponseBeforeTheRequestEndsWaitsForBoth() {
        var machine = ConnectionGuardStateMachine(limits: self.limits)
        _ = machine.opened()
        _ = machine.requestHead(uriLength: 10, upgrade: false)
        #expect(machine.responseEnd() == .none)
        #expect(machine.requestBody() == .forward)
        let (part, then) = machine.requestEnd()
        #expect(part == .forward)
        #expect(then == .schedule(.seconds(75), generation: 3))
    }

    @Test func refusalsUpgradesAndShutdown() {
        var long = ConnectionGuardStateMachine(limits: self.limits)
        _ = long.opened()
        #expect(
            long.requestHead(uriLength: 101, upgrade: false)
                == .respondAndClose(status: 414, code: "error.request.uri-too-long"))
        #expect(long.requestBody() == .drop)

        var parse = ConnectionGuardStateMachine(limits: self.limits)
        _ = parse.opened()
        #expect(parse.parseFailed(.method) == .respondAndClose(status: 405, code: "error.request.invalid.method"))
        #expect(parse.parseFailed(.malformed) == .none, "answered once")

        var upgrade = ConnectionGuardStateMachine(limits: self.limits)
        _ = upgrade.opened()
        #expect(upgrade.requestHead(uriLength: 10, upgrade: true) == .forwardAndRemove)

        var idle = ConnectionGuardStateMachine(limits: self.limits)
        _ = idle.opened()
        #expect(idle.shutdown() == .close)

        var busy = ConnectionGuardStateMachine(limits: self.limits)
        _ = busy.opened()
        _ = busy.requestHead(uriLength: 10, upgrade: false)
        #expect(busy.shutdown() == .none, "an exchange in progress finishes")
        _ = busy.requestEnd()
        #expect(busy.responseEnd() == .close)
    }
}
