import Testing

@testable import IGCommands

@Suite("Interrupt waiters: the signals stay handled while anyone in the process waits")
struct InterruptWaitersTests {
    typealias Waiters = InterruptWaiters<String>

    @Test("two waiters: the first to leave keeps the handlers; the last removes them; a new waiter installs again")
    func lastLeaverUninstalls() {
        var waiters = Waiters()
        let (a, enterA) = waiters.enter()
        #expect(enterA.install && !enterA.uninstall)
        let (b, enterB) = waiters.enter()
        #expect(!enterB.install, "already handled")
        #expect(waiters.wait(a, "a").resume.isEmpty)
        #expect(waiters.wait(b, "b").resume.isEmpty)

        let first = waiters.cancel(a)
        #expect(first.resume == ["a"])
        #expect(!first.uninstall, "b still relies on the handlers: a Ctrl-C now must reach it, not end the process")
        #expect(waiters.isHandling && waiters.count == 1)

        let last = waiters.cancel(b)
        #expect(last.resume == ["b"] && last.uninstall)
        #expect(!waiters.isHandling && waiters.count == 0)

        let (_, again) = waiters.enter()
        #expect(again.install)
    }

    @Test("a signal wakes every waiter, and one not registered yet as soon as it registers")
    func signalWakesEveryone() {
        var waiters = Waiters()
        let (a, _) = waiters.enter()
        let (b, _) = waiters.enter()
        let (c, _) = waiters.enter()
        _ = waiters.wait(a, "a")
        _ = waiters.wait(b, "b")
        let signalled = waiters.signal()
        #expect(Set(signalled.resume) == ["a", "b"])
        #expect(!signalled.uninstall, "c has entered and not registered: the handlers stay until it leaves")
        let late = waiters.wait(c, "c")
        #expect(late.resume == ["c"] && late.uninstall)
        #expect(waiters.signal().resume.isEmpty, "nobody left to wake")
    }

    @Test("cancelled before registering: woken at once when it registers; a cancel after waking changes nothing")
    func cancelBeforeWait() {
        var waiters = Waiters()
        let (a, _) = waiters.enter()
        let (b, _) = waiters.enter()
        _ = waiters.wait(b, "b")
        #expect(waiters.cancel(a).resume.isEmpty)
        let registered = waiters.wait(a, "a")
        #expect(registered.resume == ["a"] && !registered.uninstall)
        let woken = waiters.signal()
        #expect(woken.resume == ["b"] && woken.uninstall)
        let stale = waiters.cancel(b)
        #expect(stale.resume.isEmpty && !stale.uninstall && !stale.install)
    }

    @Test(
        "InterruptSignal.wait returns when its task is cancelled, before or after it registers", .timeLimit(.minutes(1))
    )
    func cancelledWaitReturns() async {
        let task = Task { await InterruptSignal.wait() }
        // Whether the cancel comes before or after the wait registers, it returns.
        task.cancel()
        await task.value
        let tasks = (0..<3).map { _ in Task { await InterruptSignal.wait() } }
        for task in tasks { task.cancel() }
        for task in tasks { await task.value }  // a wait that missed its cancellation would hang here
    }
}
