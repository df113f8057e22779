import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT (Ctrl-C) and SIGTERM (how service managers stop a process) as something to await, shared by every waiter
/// in the process (``InterruptWaiters`` decides; this type installs the handlers and wakes the waiters).
enum InterruptSignal {
    private struct State {
        var waiters = InterruptWaiters<CheckedContinuation<Void, Never>>()
        var sources: [any DispatchSourceSignal] = []
    }

    private static let state = Mutex(State())
    private static let numbers = [SIGINT, SIGTERM]

    private typealias Waiters = InterruptWaiters<CheckedContinuation<Void, Never>>

    /// Returns at the next SIGINT or SIGTERM, or when the calling task is cancelled. While any caller waits, the
    /// signals do not end the process; after the last one returns they do again.
    static func wait() async {
        var id = 0
        apply { waiters in
            let (entered, effects) = waiters.enter()
            id = entered
            return effects
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                apply { [id] in $0.wait(id, continuation) }
            }
        } onCancel: { [id] in
            apply { $0.cancel(id) }
        }
    }

    /// Runs a change, installs or removes the handlers under the lock (so they happen in the order decided), and
    /// wakes the waiters after it.
    private static func apply(_ change: (inout Waiters) -> Waiters.Effects) {
        let woken = state.withLock { state in
            let effects = change(&state.waiters)
            if effects.install {
                state.sources = numbers.map { number in
                    signal(number, SIG_IGN)
                    let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                    source.setEventHandler { apply { $0.signal() } }
                    source.resume()
                    return source
                }
            }
            if effects.uninstall {
                for source in state.sources { source.cancel() }
                state.sources = []
                for number in numbers { signal(number, SIG_DFL) }
            }
            return effects.resume
        }
        for waiter in woken { waiter.resume() }
    }
}
