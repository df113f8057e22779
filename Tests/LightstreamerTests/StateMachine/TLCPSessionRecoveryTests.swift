import Lightstreamer
import Testing

@Suite("Session state machine: recovery: stalls, lost connections, retries and backoff")
struct TLCPSessionRecoveryTests {
    @Test("Stall: keepalive + grace of silence is reported, traffic clears it, more silence starts recovery")
    func stallAndRecovery() throws {
        var harness = SessionHarness()
        harness.connect(keepaliveMillis: 5000)
        harness.subscribe()
        harness.receive("SUBOK,1,2,2")
        harness.receive("U,1,1,1|2")
        harness.receive("U,1,1,3|")

        // Traffic at t=4 pushes the deadline: the timer at t=7 only re-arms.
        harness.advance(to: 4)
        harness.receive("PROBE")
        harness.advance(to: 7)
        let early = harness.fire(.keepalive)
        #expect(early == [.scheduleTimer(.keepalive, at: seconds(11))])

        harness.advance(to: 11)
        let stalled = harness.fire(.keepalive)
        #expect(stalled.statuses == [.stalled])
        #expect(stalled.scheduled(.stalled) == seconds(14))

        harness.advance(to: 12)
        let resumed = harness.receive("PROBE")
        #expect(resumed.statuses == [.connected(.webSocket)])
        #expect(resumed.contains(.cancelTimer(.stalled)))
        #expect(resumed.scheduled(.keepalive) == seconds(19))

        harness.advance(to: 19)
        #expect(harness.fire(.keepalive).statuses == [.stalled])
        harness.advance(to: 22)
        let lost = harness.connectionID
        let giveUp = harness.fire(.stalled)
        #expect(giveUp.contains(.closeTransport(lost)))
        #expect(giveUp.statuses == [.recovering])
        #expect(giveUp.scheduled(.retry) == seconds(22))

        let retry = harness.fire(.retry)
        let recovery = try #require(retry.opened)
        #expect(recovery.purpose == .recovery)
        #expect(recovery.request[parameter: "LS_recovery_from"] == "3")
        #expect(recovery.request[parameter: "LS_session"] == "S1")

        // The server resumes from 2: the next data notification is a duplicate and is skipped.
        harness.receive("CONOK,S1,50000,5000,*")
        #expect(harness.machine.status == .connected(.webSocket))
        harness.receive("PROG,2")
        #expect(harness.receive("U,1,1,3|").isEmpty, "the duplicate of the third data notification is skipped")
        let fresh = harness.receive("U,1,1,|4")
        #expect(fresh.updates == [TLCPItemUpdate(item: 1, values: ["3", "4"], changedFields: [1], isSnapshot: false)])
        #expect(harness.machine.dataNotificationCount == 4)
        #expect(
            harness.statuses == [
                .connecting, .connected(.webSocket), .stalled, .connected(.webSocket), .stalled, .recovering,
                .connected(.webSocket),
            ])
    }

    @Test("A transport closing without LOOP or END starts recovery at once")
    func transportClosedRecovers() throws {
        var harness = SessionHarness()
        harness.connect()
        harness.receive("PROBE")
        let closed = harness.handle(.transportClosed(harness.connectionID, now: harness.now))
        #expect(closed.statuses == [.recovering])
        let retry = harness.fire(.retry)
        #expect(try #require(retry.opened).request[parameter: "LS_recovery_from"] == "0")
    }

    @Test("Recovery that cannot succeed within the window falls back to a new session, re-subscription and a gap")
    func recoveryFailsNewSession() throws {
        var harness = SessionHarness()
        harness.connect()
        let (id, _) = harness.subscribe()
        let (pendingID, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,2,2")  // the second add stays unanswered
        harness.receive("U,1,1,1|2")

        harness.advance(to: 1)
        var all = harness.handle(.transportFailed(harness.connectionID, message: "reset", now: harness.now))
        var elapsed = 1.0
        var attempts = 0
        var lastActions: [SessionHarness.Action] = []
        while attempts <= 10 {
            lastActions = harness.fire(.retry)
            guard let open = lastActions.opened, open.purpose == .recovery else { break }
            attempts += 1
            all += harness.handle(.transportFailed(open.connectionID, message: "refused", now: harness.now))
            elapsed += 4
            harness.advance(to: elapsed)
        }
        #expect(attempts == 4, "attempts at t=1, 5, 9, 13; one at t=17 would start outside the 15 s window")
        #expect(harness.statuses.suffix(2) == [.disconnected(.willRetry(.recoveryFailed)), .connecting])
        #expect(all.deliveries.map(\.0) == [id], "the gap goes to the live subscription only")
        #expect(all.deliveredEvents == [.gap(.sessionReplaced)])
        #expect(harness.machine.sessionID == nil)

        let create = try #require(lastActions.opened)
        #expect(create.purpose == .createSession)
        #expect(create.request[parameter: "LS_old_session"] == "S1")
        #expect(create.request[parameter: "LS_password"] == "CST-a|XST-b")

        let conok = harness.receive("CONOK,S2,50000,5000,*")
        let adds = conok.sentRequests
        #expect(adds.map { $0[parameter: "LS_subId"] } == ["1", "2"], "every subscription is re-added with new subIds")
        #expect(adds.map { $0[parameter: "LS_mode"] } == ["MERGE", "DISTINCT"])
        harness.receive("SUBOK,1,2,2")
        let snapshot = harness.receive("U,1,1,5|6")
        #expect(
            snapshot.updates == [TLCPItemUpdate(item: 1, values: ["5", "6"], changedFields: [0, 1], isSnapshot: true)])
        #expect(pendingID != id)
    }

    @Test("The gap of a replaced session reaches live subscriptions only")
    func gapOnNewSession() {
        var harness = SessionHarness()
        harness.connect()
        let (live, _) = harness.subscribe()
        let (requested, _) = harness.subscribe(.ticks)
        harness.receive("SUBOK,1,2,2")
        let end = harness.receive("END,48,Maximum session duration reached")
        #expect(end.deliveries.map(\.0) == [live])
        #expect(end.deliveredEvents == [.gap(.sessionReplaced)])
        #expect(
            end.statuses == [
                .disconnected(.willRetry(.sessionEnded(code: 48, message: "Maximum session duration reached")))
            ])
        #expect(!end.deliveries.contains { $0.0 == requested })
    }

    @Test("PROG beyond our count means the session cannot be resumed: new session")
    func progMismatch() throws {
        var harness = SessionHarness()
        harness.connect()
        harness.handle(.transportClosed(harness.connectionID, now: harness.now))
        harness.fire(.retry)
        harness.receive("CONOK,S1,50000,5000,*")
        let mismatch = harness.receive("PROG,10")
        #expect(mismatch.statuses == [.disconnected(.willRetry(.recoveryFailed))])
        #expect(try #require(harness.fire(.retry).opened).purpose == .createSession)
    }

    @Test(
        "CONERR on create: credential and protocol errors are terminal, no retry loop",
        arguments: [1, 2, 7, 60, 65, 67, 71])
    func terminalConnectionErrors(code: Int) {
        var harness = SessionHarness()
        harness.handle(.connect(now: harness.now))
        let refused = harness.receive("CONERR,\(code),refused")
        #expect(refused.statuses == [.disconnected(.failed(.connectionRefused(code: code, message: "refused")))])
        #expect(refused.scheduled(.retry) == nil)
        #expect(refused.opened == nil)
        #expect(harness.fire(.retry).isEmpty, "no retry is pending")
        // Connecting again is allowed after a terminal failure.
        #expect(harness.handle(.connect(now: harness.now)).opened != nil)
    }

    @Test("CONERR on a bind: a gone session means a new session; protocol errors are terminal")
    func bindErrors() throws {
        var harness = SessionHarness()
        harness.connect()
        harness.receive("LOOP,0")
        let gone = harness.receive("CONERR,20,Session not found")
        #expect(
            gone.statuses == [.disconnected(.willRetry(.connectionRefused(code: 20, message: "Session not found")))])
        #expect(try #require(harness.fire(.retry).opened).purpose == .createSession)

        var other = SessionHarness()
        other.connect()
        other.receive("LOOP,0")
        #expect(
            other.receive("CONERR,65,bad").statuses == [
                .disconnected(.failed(.connectionRefused(code: 65, message: "bad")))
            ])
    }

    @Test("Connect timeout without CONOK counts as a failed attempt")
    func connectTimeout() {
        var harness = SessionHarness()
        let first = harness.handle(.connect(now: harness.now))
        harness.advance(to: 3)
        #expect(harness.fire(.connectTimeout).isEmpty, "an early fire is ignored")
        harness.advance(to: 4)
        let timeout = harness.fire(.connectTimeout)
        #expect(timeout.contains(.closeTransport(first.opened!.connectionID)))
        #expect(timeout.statuses == [.disconnected(.willRetry(.connectTimeout))])
    }

    @Test("Backoff doubles from retryDelay up to the cap, and resets on CONOK")
    func backoffGrowthAndCap() throws {
        var harness = SessionHarness()
        var delays: [Double] = []
        harness.handle(.connect(now: harness.now))
        for _ in 0..<7 {
            let failed = harness.handle(.transportFailed(harness.connectionID, message: "refused", now: harness.now))
            let deadline = try #require(failed.scheduled(.retry))
            delays.append(Double((deadline - harness.now).components.seconds))
            harness.now = deadline
            harness.fire(.retry)
        }
        #expect(delays == [4, 8, 16, 32, 60, 60, 60])
        harness.receive("CONOK,S1,50000,5000,*")
        let end = harness.receive("END,33,server error")
        #expect(end.scheduled(.retry) == harness.now + .seconds(4), "a good CONOK resets the backoff")
    }

    @Test("Jitter comes from the seeded generator: bounded and reproducible")
    func jitter() throws {
        func delays(seed: UInt64) throws -> [Duration] {
            var harness = SessionHarness {
                $0.jitter = 0.5
                $0.randomSeed = seed
            }
            var result: [Duration] = []
            harness.handle(.connect(now: harness.now))
            for _ in 0..<6 {
                let failed = harness.handle(.transportFailed(harness.connectionID, message: "x", now: harness.now))
                let deadline = try #require(failed.scheduled(.retry))
                result.append(deadline - harness.now)
                harness.now = deadline
                harness.fire(.retry)
            }
            return result
        }
        let first = try delays(seed: 7)
        #expect(try delays(seed: 7) == first)
        #expect(try delays(seed: 8) != first)
        let nominal: [Int64] = [4, 8, 16, 32, 60, 60]
        for (delay, base) in zip(first, nominal) {
            #expect(delay <= .seconds(base))
            #expect(delay >= .seconds(base) / 2)
        }
    }
}
