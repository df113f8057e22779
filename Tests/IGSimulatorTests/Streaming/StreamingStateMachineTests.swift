import Testing

@testable import IGSimulator

@Suite("Lightstreamer server: per-connection state machines")
struct StreamingStateMachineTests {
    typealias Machine = BindingStateMachine

    static let limits = Machine.Limits(
        probeAfter: .milliseconds(800), sendSync: false, syncInterval: .seconds(10), maximumSessionDuration: nil,
        dropAfter: nil, stallAfter: nil, loopAfter: nil, contentLength: nil, polling: false, tickInterval: 500,
        ticksPerSecond: 2)

    static func limits(_ change: (inout Machine.Limits) -> Void) -> Machine.Limits {
        var limits = Self.limits
        change(&limits)
        return limits
    }

    // MARK: Binding

    @Test(arguments: [
        (Machine.Command.superseded, Machine.WakeAction.finish(.superseded)),
        (.drop, .finish(.dropped)),
        (.detach, .finish(.detached)),
        (.loop, .close(.loop(includesPending: true))),
        (.end(code: 31, message: "Destroy request"), .close(.end(31, "Destroy request"))),
        (.stall(until: .seconds(5)), .skip),
        (.stall(until: nil), .skip),
    ])
    func commandsDecideTheWakeUp(command: Machine.Command, expected: Machine.WakeAction) {
        var machine = Machine(limits: Self.limits)
        let action = machine.wake(
            at: .seconds(1), sessionAge: .seconds(1), command: command, millis: 1_000, accountsDirty: false)
        #expect(action == expected)
    }

    @Test(arguments: [
        (
            Self.limits { $0.maximumSessionDuration = .seconds(3) },
            Machine.WakeAction.close(.end(48, "Maximum session duration"))
        ),
        (Self.limits { $0.dropAfter = .seconds(2) }, .finish(.dropped)),
        (Self.limits { $0.loopAfter = .seconds(2) }, .close(.loop(includesPending: true))),
        (Self.limits { $0.stallAfter = .seconds(2) }, .skip),
        (
            Self.limits { $0.dropAfter = .seconds(20) },
            .send(Machine.Generation(markets: true, accounts: true, millis: 9_000, index: 0, ticksPerSecond: 2))
        ),
    ])
    func configuredFaultsApplyOnceDue(limits: Machine.Limits, expected: Machine.WakeAction) {
        var machine = Machine(limits: limits)
        let action = machine.wake(
            at: .seconds(3), sessionAge: .seconds(3), command: nil, millis: 9_000, accountsDirty: false)
        #expect(action == expected)
    }

    @Test func aTimedStallEndsAtItsDeadline() {
        var machine = Machine(limits: Self.limits)
        let steps: [(Duration, Machine.Command?, Bool)] = [
            (.seconds(1), .stall(until: .seconds(3)), false), (.seconds(2), nil, false), (.seconds(3), nil, true),
        ]
        for (elapsed, command, sends) in steps {
            let action = machine.wake(
                at: elapsed, sessionAge: elapsed, command: command, millis: Int64(elapsed.seconds * 1000),
                accountsDirty: false)
            #expect((action != .skip) == sends, "at \(elapsed)")
        }
    }

    /// One wake-up and what it should generate: "markets+accounts", "markets", "accounts" or "nothing".
    struct Wake: Sendable, CustomTestStringConvertible {
        var millis: Int64
        var accountsDirty = false
        var generates: String

        var testDescription: String { "\(self.millis) ms → \(self.generates)" }
    }

    @Test(arguments: [
        [Wake(millis: 1_000, generates: "markets+accounts")],
        [Wake(millis: 1_000, generates: "markets+accounts"), Wake(millis: 1_200, generates: "nothing")],
        [Wake(millis: 1_000, generates: "markets+accounts"), Wake(millis: 1_600, generates: "markets")],
        [
            Wake(millis: 1_000, generates: "markets+accounts"),
            Wake(millis: 1_200, accountsDirty: true, generates: "accounts"),
        ],
        [Wake(millis: 1_000, generates: "markets+accounts"), Wake(millis: 2_000, generates: "markets+accounts")],
    ])
    func updatesFollowTicksAndAccountChanges(wakes: [Wake]) {
        var machine = Machine(limits: Self.limits)
        for wake in wakes {
            let action = machine.wake(
                at: .milliseconds(wake.millis), sessionAge: .zero, command: nil, millis: wake.millis,
                accountsDirty: wake.accountsDirty)
            guard case .send(let generation) = action else {
                Issue.record("expected send, got \(action)")
                continue
            }
            let generated =
                switch (generation?.markets, generation?.accounts) {
                case (true, true): "markets+accounts"
                case (true, _): "markets"
                case (_, true): "accounts"
                default: "nothing"
                }
            #expect(generated == wake.generates, "at \(wake.millis) ms")
        }
    }

    @Test func idleConnectionsProbeAndSyncWhenDue() {
        var machine = Machine(
            limits: Self.limits {
                $0.sendSync = true; $0.syncInterval = .seconds(2)
            })
        #expect(machine.preambleWritten(bytes: 40, at: .zero) == nil)
        #expect(machine.compose(pending: [], at: .milliseconds(500)).isEmpty)
        #expect(machine.compose(pending: [], at: .milliseconds(900)) == ["PROBE"])
        #expect(machine.compose(pending: ["U,1,1,a"], at: .milliseconds(1_000)) == ["U,1,1,a"])
        #expect(machine.compose(pending: [], at: .seconds(2)) == ["SYNC,2"])
        _ = machine.written(bytes: 8, at: .seconds(2))
        #expect(machine.compose(pending: [], at: .milliseconds(2_500)).isEmpty)
    }

    @Test func theByteBudgetEndsAnHTTPStreamWithLoop() {
        var machine = Machine(limits: Self.limits { $0.contentLength = 100 })
        #expect(machine.preambleWritten(bytes: 60, at: .zero) == nil)
        #expect(machine.written(bytes: 30, at: .seconds(1)) == nil)
        #expect(machine.written(bytes: 0, at: .seconds(2)) == nil)
        #expect(machine.written(bytes: 10, at: .seconds(3)) == .loop(includesPending: false))
    }

    @Test func pollingClosesRightAfterThePreamble() {
        var machine = Machine(limits: Self.limits { $0.polling = true })
        #expect(machine.preambleWritten(bytes: 60, at: .zero) == .loop(includesPending: false))
    }

    @Test func closingsSayWhatAFailedWriteMeans() {
        #expect(Machine.Closing.loop(includesPending: true).outcomeOnFailure == .dropped)
        #expect(Machine.Closing.end(48, "x").outcomeOnFailure == .ended)
        #expect(Machine.Closing.end(48, "Maximum session duration").trailer.hasPrefix("END,48,Maximum"))
    }

    // MARK: WebSocket connection

    typealias Connection = WebSocketConnectionStateMachine

    static func request(_ name: String, _ parameters: [String: String] = [:]) -> TLCPClientRequest {
        TLCPClientRequest(name: name, parameters: parameters)
    }

    @Test(arguments: [
        (request("wsok"), [Connection.Action.write("WSOK")]),
        (request("nonsense"), [.write(TLCPEncoding.error(67, "Unsupported request"))]),
        (
            request("create_session", ["LS_protocol": "TLCP-2.4.0"]),
            [.createSession(request("create_session", ["LS_protocol": "TLCP-2.4.0"]), protocolVersion: "TLCP-2.4.0")]
        ),
        (request("bind_session", ["LS_session": "gone"]), [.write(TLCPEncoding.conerr(20, "Session not found"))]),
        (
            request("bind_session", ["LS_session": "S1", "LS_recovery_from": "7"]),
            [
                .bind(
                    sessionId: "S1", request("bind_session", ["LS_session": "S1", "LS_recovery_from": "7"]),
                    recoveryFrom: 7)
            ]
        ),
        (request("control", ["LS_reqId": "4"]), [.write(TLCPEncoding.reqerr("4", 20, "Session not found"))]),
        (request("heartbeat"), []),
        (
            request("control", ["LS_session": "S1"]),
            [.control(sessionId: "S1", request("control", ["LS_session": "S1"]))]
        ),
    ])
    func requestsOnAFreshConnection(request: TLCPClientRequest, expected: [Connection.Action]) {
        let machine = Connection(subprotocolVersion: nil)
        #expect(machine.receive(request) { $0 == "S1" } == expected)
    }

    @Test func theSubprotocolVersionWinsOverTheQuery() {
        let machine = Connection(subprotocolVersion: "2.5.0")
        let create = Self.request("create_session", ["LS_protocol": "TLCP-2.4.0"])
        #expect(machine.receive(create) { _ in false } == [.createSession(create, protocolVersion: "2.5.0")])
    }

    @Test func requestsWithoutASessionGoToTheBoundOne() {
        var machine = Connection(subprotocolVersion: nil)
        #expect(machine.willBind(sessionId: "S1") == nil)
        machine.bound(sessionId: "S1", bindingId: 3)
        let control = Self.request("control", ["LS_reqId": "1"])
        #expect(machine.receive(control) { _ in false } == [.control(sessionId: "S1", control)])
        let rebind = Self.request("bind_session")
        #expect(machine.receive(rebind) { $0 == "S1" } == [.bind(sessionId: "S1", rebind, recoveryFrom: nil)])
        #expect(machine.receive(rebind) { _ in false } == [.write(TLCPEncoding.conerr(20, "Session not found"))])
    }

    @Test func bindingAnotherSessionDetachesTheCurrentOne() {
        var machine = Connection(subprotocolVersion: nil)
        machine.bound(sessionId: "S1", bindingId: 3)
        #expect(machine.willBind(sessionId: "S1") == nil)
        #expect(machine.willBind(sessionId: "S2") == .detach(.init(sessionId: "S1", bindingId: 3)))
        machine.bound(sessionId: "S2", bindingId: 1)
        #expect(machine.closed() == .detach(.init(sessionId: "S2", bindingId: 1)))
        #expect(Connection(subprotocolVersion: nil).closed() == nil)
    }
}
