/// Who in this process waits for an interrupt (SIGINT or SIGTERM), as a state machine without I/O: the signals are
/// handled while anyone waits and get their default action back once the last waiter has left, in whatever order
/// waiters arrive, are cancelled, or are woken. ``InterruptSignal`` does what the returned ``Effects`` ask.
///
/// Before, each waiter installed and removed the handlers itself, so the first of two concurrent waiters to finish
/// restored the default action while the other still relied on it: a Ctrl-C in between ended the process at once
/// instead of letting the other wind down.
struct InterruptWaiters<Waiter> {
    /// What the caller does after a change: install or remove the handlers (while holding its lock, so that
    /// installs and removals happen in order) and wake `resume` (after releasing it).
    struct Effects {
        var install = false
        var uninstall = false
        var resume: [Waiter] = []
    }

    private enum Entry {
        /// Entered; its continuation is not registered yet.
        case pending
        case waiting(Waiter)
        /// Cancelled or signalled before its continuation was registered: it is woken as soon as it is.
        case settled
    }

    private var entries: [Int: Entry] = [:]
    private var nextID = 0
    /// Whether the handlers are installed.
    private(set) var isHandling = false

    /// The number of waiters entered and not yet woken.
    var count: Int { entries.count }

    /// A new waiter: its id, and the handlers installed if nobody was waiting.
    mutating func enter() -> (id: Int, effects: Effects) {
        let id = nextID
        nextID += 1
        entries[id] = .pending
        var effects = Effects()
        if !isHandling {
            isHandling = true
            effects.install = true
        }
        return (id, effects)
    }

    /// Waiter `id` registers what wakes it: at once if it was cancelled or signalled in the meantime.
    mutating func wait(_ id: Int, _ waiter: Waiter) -> Effects {
        switch entries[id] {
        case .pending:
            entries[id] = .waiting(waiter)
            return Effects()
        case .settled, .waiting, nil:
            entries[id] = nil
            return leaving(waking: [waiter])
        }
    }

    /// Waiter `id`'s task was cancelled: woken if waiting, else woken as soon as it registers.
    mutating func cancel(_ id: Int) -> Effects {
        switch entries[id] {
        case .pending:
            entries[id] = .settled
            return Effects()
        case .waiting(let waiter):
            entries[id] = nil
            return leaving(waking: [waiter])
        case .settled, nil:
            return Effects()
        }
    }

    /// SIGINT or SIGTERM arrived: every waiter is woken (those not registered yet as soon as they are).
    mutating func signal() -> Effects {
        var woken: [Waiter] = []
        for (id, entry) in entries {
            switch entry {
            case .waiting(let waiter):
                woken.append(waiter)
                entries[id] = nil
            case .pending:
                entries[id] = .settled
            case .settled:
                break
            }
        }
        return leaving(waking: woken)
    }

    /// Wakes `waiters`, and removes the handlers when nobody is left.
    private mutating func leaving(waking waiters: [Waiter]) -> Effects {
        var effects = Effects(resume: waiters)
        if entries.isEmpty, isHandling {
            isHandling = false
            effects.uninstall = true
        }
        return effects
    }
}
