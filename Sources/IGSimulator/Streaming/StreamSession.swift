import Foundation

/// A server-side TLCP session: subscriptions, the numbered data notifications it produced (for
/// `LS_recovery_from`), and the connection currently bound to it.
final class StreamSession: Sendable {
    /// Binding bookkeeping.
    struct Binding: Sendable {
        var id: Int
        var wake: AsyncStream<Void>.Continuation
        var command: BindingCommand?
    }

    struct State: Sendable {
        var subscriptions: [Int: StreamSubscription] = [:]
        var order: [Int] = []
        /// Data notifications kept for recovery; `log[head]` has progressive `firstProg`.
        var log: [String] = []
        var head = 0
        var firstProg: Int64 = 1
        /// Progressive of the next data notification (data notifications so far + 1).
        var nextProg: Int64 = 1
        /// Last progressive written to the bound connection.
        var written: Int64 = 0
        /// Non-data lines waiting for the bound connection (REQOK, CONS…).
        var control: [String] = []
        var binding: Binding?
        var nextBindingId = 1
        var keepaliveMillis: Int
        var sendSync: Bool
        var unboundSince: ContinuousClock.Instant?
        var ended = false
        var accountsDirty = true
        var feed: MarketFeed
        var recoveryCapacity: Int

        /// Appends data notifications, numbering them.
        mutating func appendData(_ lines: [String]) {
            for line in lines {
                self.log.append(line)
                self.nextProg += 1
            }
            let kept = self.log.count - self.head
            if kept > self.recoveryCapacity {
                let drop = kept - self.recoveryCapacity
                self.head += drop
                self.firstProg += Int64(drop)
                if self.written < self.firstProg - 1 { self.written = self.firstProg - 1 }
            }
            if self.head > 4096, self.head * 2 > self.log.count {
                self.log.removeFirst(self.head)
                self.head = 0
            }
        }

        /// Data notifications after progressive `prog`, when still kept.
        func data(after prog: Int64) -> ArraySlice<String>? {
            guard prog >= self.firstProg - 1, prog < self.nextProg else { return prog == self.nextProg - 1 ? [] : nil }
            let start = self.head + Int(prog - (self.firstProg - 1))
            return self.log[start...]
        }
    }

    let id: String
    /// The credentials that created the session; binds and controls carrying other ones are refused.
    let owner: StreamSessionOwner
    let protocolVersion: String
    /// Accounts of the client that created the session.
    let accountIds: [String]
    let created: ContinuousClock.Instant
    let state: Locked<State>

    init(
        id: String, owner: StreamSessionOwner, protocolVersion: String, accountIds: [String], keepaliveMillis: Int,
        sendSync: Bool, seed: UInt64, recoveryCapacity: Int, replay: PriceReplay? = nil
    ) {
        self.id = id
        self.owner = owner
        self.protocolVersion = protocolVersion
        self.accountIds = accountIds
        self.created = .now
        self.state = Locked(
            State(
                keepaliveMillis: keepaliveMillis, sendSync: sendSync, unboundSince: .now,
                feed: MarketFeed(seed: seed, replay: replay),
                recoveryCapacity: Swift.max(1_000, recoveryCapacity)))
    }

    /// Binds a new connection, superseding the current one. With `recoveryFrom`, the connection resumes after that
    /// progressive; returns nil for the progressive when it is no longer kept.
    func bind(
        recoveryFrom: Int64?
    ) -> (id: Int, wake: AsyncStream<Void>, waker: AsyncStream<Void>.Continuation, prog: Int64?)? {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        return self.state.withLock { state -> (Int, AsyncStream<Void>, AsyncStream<Void>.Continuation, Int64?)? in
            guard !state.ended else { return nil }
            var prog: Int64?
            if let recoveryFrom {
                guard recoveryFrom <= state.nextProg - 1, state.data(after: recoveryFrom) != nil else { return nil }
                state.written = recoveryFrom
                prog = recoveryFrom
            }
            if var old = state.binding {
                old.command = .superseded
                old.wake.yield()
                old.wake.finish()
            }
            let id = state.nextBindingId
            state.nextBindingId += 1
            state.binding = Binding(id: id, wake: continuation, command: nil)
            state.unboundSince = nil
            state.control.removeAll()
            return (id, stream, continuation, prog)
        }
    }

    /// Marks the connection `bindingId` gone (if it still is the bound one).
    func unbind(_ bindingId: Int) {
        self.state.withLock { state in
            guard state.binding?.id == bindingId else { return }
            state.binding?.wake.finish()
            state.binding = nil
            state.unboundSince = .now
        }
    }

    /// Gives the bound connection a command and wakes it.
    func command(_ command: BindingCommand, bindingId: Int? = nil) {
        self.state.withLock { state in
            guard bindingId == nil || state.binding?.id == bindingId else { return }
            state.binding?.command = command
            state.binding?.wake.yield()
        }
    }

    /// Wakes the bound connection.
    func wake() {
        self.state.withLock { state in _ = state.binding?.wake.yield() }
    }

    /// Ends the session: it takes no more binds.
    func markEnded() {
        self.state.withLock { $0.ended = true }
    }
}
