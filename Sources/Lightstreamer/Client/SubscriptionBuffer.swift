import Synchronization

/// The queue between the client's driver (producer) and a subscription's consumer.
final class SubscriptionBuffer: Sendable {
    private struct State {
        var queue: [TLCPSubscriptionEvent] = []
        var head = 0
        /// For ``LightstreamerBufferingPolicy/latestValuePerItem``: item → index in `queue` of its waiting update.
        var pendingUpdate: [Int: Int] = [:]
        var waiter: CheckedContinuation<TLCPSubscriptionEvent?, Never>?
        var finished = false
        /// The consumer is gone: nothing is buffered any more.
        var abandoned = false

        /// Forgets every waiting event and refuses new ones; returns the waiting consumer, to resume with `nil`.
        mutating func abandon() -> CheckedContinuation<TLCPSubscriptionEvent?, Never>? {
            abandoned = true
            finished = true
            queue.removeAll()
            head = 0
            pendingUpdate.removeAll()
            defer { waiter = nil }
            return waiter
        }
    }

    let policy: LightstreamerBufferingPolicy
    private let state = Mutex(State())

    init(policy: LightstreamerBufferingPolicy) {
        self.policy = policy
    }

    /// Adds an event (from the driver). Terminal events finish the buffer once drained.
    func push(_ event: TLCPSubscriptionEvent) {
        let resumed: (CheckedContinuation<TLCPSubscriptionEvent?, Never>, TLCPSubscriptionEvent)? = state.withLock {
            state in
            guard !state.finished else { return nil }
            if let waiter = state.waiter {
                state.waiter = nil
                if event.isTerminal { state.finished = true }
                return (waiter, event)
            }
            if case .update(let update) = event, policy == .latestValuePerItem,
                let index = state.pendingUpdate[update.item], case .update(let older) = state.queue[index],
                !older.isSnapshot  // snapshot events are never conflated away
            {
                var merged = update
                merged.changedFields = Array(Set(older.changedFields).union(update.changedFields)).sorted()
                state.queue[index] = .update(merged)
                // A conflation gap sits right before the waiting update: bump it, or insert one.
                if index > state.head, case .gap(.conflated(let item, let dropped)) = state.queue[index - 1],
                    item == update.item
                {
                    state.queue[index - 1] = .gap(.conflated(item: item, droppedUpdates: dropped + 1))
                } else {
                    state.queue.insert(.gap(.conflated(item: update.item, droppedUpdates: 1)), at: index)
                    for (item, position) in state.pendingUpdate where position >= index {
                        state.pendingUpdate[item] = position + 1
                    }
                }
                return nil
            }
            if case .update(let update) = event, policy == .latestValuePerItem {
                state.pendingUpdate[update.item] = state.queue.count
            } else if policy == .latestValuePerItem, event.resetsItems {
                state.pendingUpdate.removeAll()  // order matters across a gap or a new session: no merging over it
            }
            state.queue.append(event)
            if event.isTerminal { state.finished = true }
            return nil
        }
        if let (waiter, event) = resumed { waiter.resume(returning: event) }
    }

    /// Ends the sequence after the events already queued (the client stopped).
    func finish() {
        let waiter: CheckedContinuation<TLCPSubscriptionEvent?, Never>? = state.withLock { state in
            state.finished = true
            defer { state.waiter = nil }
            return state.queue.count > state.head ? nil : state.waiter
        }
        waiter?.resume(returning: nil)
    }

    func next() async -> TLCPSubscriptionEvent? {
        if let ready = takeReady() { return ready.event }
        return await withCheckedContinuation { continuation in
            let immediate: TLCPSubscriptionEvent?? = state.withLock { state in
                if let event = Self.pop(&state) { return .some(event) }
                if state.finished { return .some(nil) }
                state.waiter = continuation
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
    }

    /// The consumer went away (dropped or cancelled): drops the waiting events, ignores later ones, and ends a
    /// pending `next()` with `nil`.
    func abandon() {
        state.withLock { $0.abandon() }?.resume(returning: nil)
    }

    /// Whether the consumer went away.
    var isAbandoned: Bool { state.withLock { $0.abandoned } }

    /// How many events wait for the consumer.
    var pendingCount: Int { state.withLock { $0.queue.count - $0.head } }

    private func takeReady() -> (event: TLCPSubscriptionEvent?, Void)? {
        state.withLock { state in
            if let event = Self.pop(&state) { return (event, ()) }
            if state.finished { return (nil, ()) }
            return nil
        }
    }

    private static func pop(_ state: inout State) -> TLCPSubscriptionEvent? {
        guard state.head < state.queue.count else { return nil }
        let event = state.queue[state.head]
        state.head += 1
        if case .update(let update) = event, state.pendingUpdate[update.item] == state.head - 1 {
            state.pendingUpdate[update.item] = nil
        }
        if state.head == state.queue.count {
            state.queue.removeAll(keepingCapacity: true)
            state.head = 0
        } else if state.head > 1024, state.head * 2 > state.queue.count {
            state.queue.removeFirst(state.head)
            for (item, position) in state.pendingUpdate { state.pendingUpdate[item] = position - state.head }
            state.head = 0
        }
        return event
    }
}
