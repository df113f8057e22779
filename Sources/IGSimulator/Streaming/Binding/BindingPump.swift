import Foundation

/// The I/O around a ``BindingStateMachine`` for one bound connection: it writes the session's notifications,
/// generates live updates and passes the session's fault commands to the machine. Transport-independent: it only
/// gets a `write` function.
struct BindingPump: Sendable {
    let server: StreamingServer
    let session: StreamSession
    let context: SimulatorContext

    /// The machine's limits for a binding of `session`.
    private func limits(options: StreamingServer.BindingOptions) -> BindingStateMachine.Limits {
        let configuration = self.server.configuration(self.context)
        let (keepalive, sendSync) = session.state.withLock { ($0.keepaliveMillis, $0.sendSync) }
        let (interval, perSecond) = BindingStateMachine.tickSpacing(configuration.updatesPerSecond)
        return BindingStateMachine.Limits(
            probeAfter: .milliseconds(keepalive * 8 / 10), sendSync: sendSync,
            syncInterval: configuration.syncInterval, maximumSessionDuration: configuration.maximumSessionDuration,
            dropAfter: configuration.dropAfter, stallAfter: configuration.stallAfter,
            loopAfter: configuration.loopAfter, contentLength: options.contentLength, polling: options.polling,
            tickInterval: interval, ticksPerSecond: perSecond)
    }

    /// Drives a ``BindingStateMachine``: writes the preamble, then on every wake-up performs what the machine
    /// decides until the binding ends.
    func run(
        binding: (id: Int, wake: AsyncStream<Void>, waker: AsyncStream<Void>.Continuation),
        options: StreamingServer.BindingOptions, write: (String) async throws -> Void
    ) async -> StreamingServer.BindingOutcome {
        let session = self.session
        var machine = BindingStateMachine(limits: self.limits(options: options))
        let clock = ContinuousClock()
        let bindStart = clock.now
        func elapsed() -> Duration { clock.now - bindStart }
        func close(_ closing: BindingStateMachine.Closing) async -> StreamingServer.BindingOutcome {
            let lines = (closing.includesPending ? self.takeOutput() : []) + [closing.trailer]
            return await Self.emit(lines, write) != nil ? closing.outcome : closing.outcomeOnFailure
        }

        guard let bytes = await Self.emit(options.preamble + self.takeOutput(), write) else { return .dropped }
        if let closing = machine.preambleWritten(bytes: bytes, at: elapsed()) { return await close(closing) }

        let keepalive = session.state.withLock { $0.keepaliveMillis }
        let tickerPause = Swift.max(1, Swift.min(Int(machine.limits.tickInterval), keepalive / 5, 250))
        return await withTaskGroup(of: Void.self) { group -> StreamingServer.BindingOutcome in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(tickerPause))
                    binding.waker.yield()
                }
            }
            defer { group.cancelAll() }
            for await _ in binding.wake {
                let now = elapsed()
                let (command, dirty) = Self.takeCommand(session, bindingId: binding.id, bindStart: bindStart)
                let millis = Int64((self.context.now.timeIntervalSince1970 * 1000).rounded(.down))
                let action = machine.wake(
                    at: now, sessionAge: clock.now - session.created, command: command, millis: millis,
                    accountsDirty: dirty)
                switch action {
                case .finish(let outcome): return outcome
                case .close(let closing): return await close(closing)
                case .skip: continue
                case .send(let generation):
                    if let generation { self.generate(generation) }
                }
                let lines = machine.compose(pending: self.takeOutput(), at: now)
                guard let bytes = await Self.emit(lines, write) else { return .dropped }
                if let closing = machine.written(bytes: bytes, at: elapsed()) { return await close(closing) }
            }
            return .superseded
        }
    }

    /// Writes lines (CRLF-terminated); the bytes written, or nil when the write failed.
    private static func emit(_ lines: [String], _ write: (String) async throws -> Void) async -> Int? {
        guard !lines.isEmpty else { return 0 }
        let text = lines.joined(separator: TLCPEncoding.lineEnd) + TLCPEncoding.lineEnd
        do {
            try await write(text)
        } catch {
            return nil
        }
        return text.utf8.count
    }

    /// The session's pending command for this binding (superseded when another binding took over) and whether
    /// account figures changed.
    private static func takeCommand(
        _ session: StreamSession, bindingId: Int, bindStart: ContinuousClock.Instant
    ) -> (BindingStateMachine.Command?, Bool) {
        session.state.withLock { state -> (BindingStateMachine.Command?, Bool) in
            guard state.binding?.id == bindingId else { return (.superseded, state.accountsDirty) }
            defer { state.binding?.command = nil }
            let command: BindingStateMachine.Command? =
                switch state.binding?.command {
                case .drop: .drop
                case .stall(let until): .stall(until: until.map { $0 - bindStart })
                case .loop: .loop
                case .end(let code, let message): .end(code: code, message: message)
                case .superseded: .superseded
                case .detach: .detach
                case nil: nil
                }
            return (command, state.accountsDirty)
        }
    }

    /// Pending control lines and data notifications not yet written, marking them written.
    private func takeOutput() -> [String] {
        self.session.state.withLock { state in
            var lines = state.control
            state.control.removeAll()
            if state.written < state.nextProg - 1, let data = state.data(after: state.written) {
                lines += data
                state.written = state.nextProg - 1
            }
            return lines
        }
    }

    /// Appends live updates of every market (and, when due, account) subscription to the session.
    func generate(_ generation: BindingStateMachine.Generation) {
        let (session, context) = (self.session, self.context)
        let (millis, index, perSecond) = (generation.millis, generation.index, generation.ticksPerSecond)
        let (markets, accounts) = (generation.markets, generation.accounts)
        var figures = [String: AccountFigures]()
        if accounts {
            let accountIds = session.state.withLock { state in
                state.order.flatMap { state.subscriptions[$0]?.items.compactMap(\.accountOnlyId) ?? [] }
            }
            for accountId in Set(accountIds) {
                figures[accountId] = context.streamingAccountFigures(accountId: accountId)
            }
        }
        session.state.withLock { state in
            var lines = [String]()
            for subId in state.order {
                guard var subscription = state.subscriptions[subId] else { continue }
                for (position, item) in subscription.items.enumerated() {
                    switch item {
                    case .trade:
                        continue
                    case .account(let accountId):
                        guard accounts else { continue }
                        guard let current = figures[accountId] else { continue }
                        lines += subscription.event(
                            item: position, values: StreamValues.account(subscription.fields, figures: current),
                            millis: millis, skipUnchanged: true)
                    default:
                        // A generation timed before the item's last event (a snapshot sent meanwhile) is skipped:
                        // the item's updates never go back in time.
                        guard markets, let instrument = subscription.instruments[position],
                            millis >= subscription.lastMillis[position]
                        else { continue }
                        let tick = state.feed.tick(instrument, millis: millis, index: index, perSecond: perSecond)
                        // Replayed prices before the recording's first bar: nothing to stream yet (no candle of
                        // a made-up price for every minute before it).
                        guard tick.hasPrice else { continue }
                        var candle: StreamValues.CandleState?
                        if case .chartCandle(_, let length) = item {
                            let current = state.feed.candle(instrument, tick: tick, length: length)
                            // The candle that just finished is sent complete, unless the clock already passed
                            // its end and it went out complete then.
                            if let previous = subscription.candleStart[position], previous != current.start,
                                subscription.completedStart[position] != previous,
                                let finished = state.feed.completedCandle(instrument, start: previous, length: length)
                            {
                                let done = StreamValues.CandleState(start: previous, bar: finished, complete: true)
                                lines += subscription.event(
                                    item: position,
                                    values: StreamValues.market(
                                        subscription.fields, instrument: instrument, tick: tick, candle: done),
                                    millis: millis, force: true)
                                subscription.completedStart[position] = previous
                            }
                            subscription.candleStart[position] = current.start
                            // Completion follows the clock: a candle whose end the clock has passed is complete even
                            // when no later candle starts (the last bar of a replay, the last before a weekend).
                            let ended = current.start + length <= CivilTime.floorDiv(millis, 1000)
                            candle = StreamValues.CandleState(start: current.start, bar: current.bar, complete: ended)
                        }
                        let values = StreamValues.market(
                            subscription.fields, instrument: instrument, tick: tick, candle: candle)
                        let event = subscription.event(
                            item: position, values: values, millis: millis, skipUnchanged: true)
                        if !event.isEmpty, let candle, candle.complete {
                            subscription.completedStart[position] = candle.start
                        }
                        if !event.isEmpty { self.server.notePublished(item, tick: tick) }
                        lines += event
                    }
                }
                state.subscriptions[subId] = subscription
            }
            state.accountsDirty = false
            if !lines.isEmpty { state.appendData(lines) }
        }
    }
}
