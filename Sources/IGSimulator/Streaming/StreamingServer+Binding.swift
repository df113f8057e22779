import Foundation

// The pump of a bound connection: writes the session's notifications, generates live updates, keepalives, SYNC,
// LOOP after the content length or time budget, and obeys fault commands. Transport-independent: it only gets a
// `write` function.

extension StreamingServer {
    /// How a binding ended.
    enum BindingOutcome: Sendable, Hashable {
        /// `LOOP` sent: the session is unbound and waits for a rebind.
        case loop
        /// `END` sent: the session is gone.
        case ended
        /// The connection was dropped (fault or write failure); the session waits for recovery.
        case dropped
        /// Another connection took the session over.
        case superseded
        /// The client went away; the session waits for recovery.
        case detached
    }

    /// What a binding writes before anything else and how it ends.
    struct BindingOptions: Sendable {
        /// `CONOK` and its companions, `PROG` on recovery.
        var preamble: [String]
        /// HTTP byte budget, nil on WebSocket.
        var contentLength: Int?
        /// Polling: write what is pending, then `LOOP,0`.
        var polling = false
    }

    /// Binds `session` to a connection, writes until the binding ends and cleans the session up accordingly.
    func serve(
        _ session: StreamSession, binding: (id: Int, wake: AsyncStream<Void>, waker: AsyncStream<Void>.Continuation),
        options: BindingOptions, core: SimulatorCore, write: (String) async throws -> Void
    ) async -> BindingOutcome {
        let outcome = await self.pump(session, binding: binding, options: options, core: core, write: write)
        switch outcome {
        case .ended: self.removeSession(session)
        case .loop, .dropped, .detached: session.unbind(binding.id)
        case .superseded: break
        }
        return outcome
    }

    private func pump(
        _ session: StreamSession, binding: (id: Int, wake: AsyncStream<Void>, waker: AsyncStream<Void>.Continuation),
        options: BindingOptions, core: SimulatorCore, write: (String) async throws -> Void
    ) async -> BindingOutcome {
        let settings = self.settings(core)
        let clock = ContinuousClock()
        let bindStart = clock.now
        let (keepalive, sendSync) = session.state.withLock { ($0.keepaliveMillis, $0.sendSync) }
        let probeAfter = Duration.milliseconds(keepalive * 8 / 10)
        let (intervalMillis, perSecond) = Self.tickSpacing(settings.updatesPerSecond)
        var lastTick: Int64 = -1
        var lastAccounts: Int64 = 0
        var lastWrite = clock.now
        var lastSync = clock.now
        var bytes = 0
        var stall: ContinuousClock.Instant?? = nil
        var stalledByConfiguration = false

        func emit(_ lines: [String]) async -> Bool {
            guard !lines.isEmpty else { return true }
            var text = lines.joined(separator: TLCPEncoding.lineEnd)
            text += TLCPEncoding.lineEnd
            do {
                try await write(text)
            } catch {
                return false
            }
            bytes += text.utf8.count
            lastWrite = clock.now
            return true
        }

        guard await emit(options.preamble + self.takeOutput(session)) else { return .dropped }
        if options.polling { return await emit(["LOOP,0"]) ? .loop : .dropped }

        let tickerPause = Swift.max(
            1, Swift.min(Int(intervalMillis), keepalive / 5, 250))
        return await withTaskGroup(of: Void.self) { group -> BindingOutcome in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(tickerPause))
                    binding.waker.yield()
                }
            }
            defer { group.cancelAll() }
            for await _ in binding.wake {
                let now = clock.now
                let command = session.state.withLock { state -> BindingCommand? in
                    guard state.binding?.id == binding.id else { return .superseded }
                    defer { state.binding?.command = nil }
                    return state.binding?.command
                }
                switch command {
                case .superseded: return .superseded
                case .drop: return .dropped
                case .detach: return .detached
                case .loop: return await emit(self.takeOutput(session) + ["LOOP,0"]) ? .loop : .dropped
                case .end(let code, let message):
                    _ = await emit(self.takeOutput(session) + [TLCPEncoding.end(code, message)])
                    return .ended
                case .stall(let until): stall = .some(until)
                case nil: break
                }
                if let maximum = settings.maximumSessionDuration, now - session.created >= maximum {
                    _ = await emit(self.takeOutput(session) + [TLCPEncoding.end(48, "Maximum session duration")])
                    return .ended
                }
                if let after = settings.dropAfter, now - bindStart >= after { return .dropped }
                if let after = settings.stallAfter, now - bindStart >= after, !stalledByConfiguration {
                    stalledByConfiguration = true
                    stall = .some(nil)
                }
                if let pending = stall {
                    if let until = pending, now >= until {
                        stall = nil
                    } else {
                        continue
                    }
                }
                if let after = settings.loopAfter, now - bindStart >= after {
                    return await emit(self.takeOutput(session) + ["LOOP,0"]) ? .loop : .dropped
                }
                let millis = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
                let tick = Int64(Double(millis) / intervalMillis)
                let accountsDue = millis - lastAccounts >= 1000 || session.state.withLock { $0.accountsDirty }
                if tick != lastTick || accountsDue {
                    let index = Self.tickIndex(millis, interval: intervalMillis, perSecond: perSecond)
                    self.generate(
                        session, millis: millis, index: index, perSecond: perSecond, markets: tick != lastTick,
                        accounts: accountsDue, core: core)
                    lastTick = tick
                    if accountsDue { lastAccounts = millis }
                }
                var lines = self.takeOutput(session)
                if sendSync, now - lastSync >= settings.syncInterval {
                    lines.append("SYNC,\(Int((now - bindStart).timeInterval))")
                    lastSync = now
                }
                if lines.isEmpty, now - lastWrite >= probeAfter { lines = ["PROBE"] }
                guard await emit(lines) else { return .dropped }
                if let budget = options.contentLength, bytes >= budget {
                    return await emit(["LOOP,0"]) ? .loop : .dropped
                }
            }
            return .superseded
        }
    }

    /// Milliseconds between two ticks and ticks per engine second for an update rate.
    static func tickSpacing(_ updatesPerSecond: Double) -> (interval: Double, perSecond: Int) {
        let interval = Swift.max(1.0, 1000 / Swift.max(0.01, updatesPerSecond))
        return (interval, Swift.max(1, Int((1000 / interval).rounded(.down))))
    }

    /// The sub-tick of the second that `millis` falls in.
    static func tickIndex(_ millis: Int64, interval: Double, perSecond: Int) -> Int {
        Int(Double(millis % 1000) / interval) % perSecond
    }

    /// Pending control lines and data notifications not yet written, marking them written.
    func takeOutput(_ session: StreamSession) -> [String] {
        session.state.withLock { state in
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
    private func generate(
        _ session: StreamSession, millis: Int64, index: Int, perSecond: Int, markets: Bool, accounts: Bool,
        core: SimulatorCore
    ) {
        var figures = [String: AccountFigures]()
        if accounts {
            let accountIds = session.state.withLock { state in
                state.order.flatMap { state.subscriptions[$0]?.items.compactMap(\.accountOnlyId) ?? [] }
            }
            for accountId in Set(accountIds) { figures[accountId] = core.streamingAccountFigures(accountId: accountId) }
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
                        guard markets, let instrument = subscription.instruments[position] else { continue }
                        let tick = state.feed.tick(instrument, millis: millis, index: index, perSecond: perSecond)
                        var candle: StreamValues.CandleState?
                        if case .chartCandle(_, let length) = item {
                            let current = state.feed.candle(instrument, tick: tick, length: length)
                            if let previous = subscription.candleStart[position], previous != current.start,
                                let finished = state.feed.completedCandle(instrument, start: previous, length: length)
                            {
                                let done = StreamValues.CandleState(start: previous, bar: finished, complete: true)
                                lines += subscription.event(
                                    item: position,
                                    values: StreamValues.market(
                                        subscription.fields, instrument: instrument, tick: tick, candle: done),
                                    millis: millis, force: true)
                            }
                            subscription.candleStart[position] = current.start
                            candle = StreamValues.CandleState(start: current.start, bar: current.bar, complete: false)
                        }
                        let values = StreamValues.market(
                            subscription.fields, instrument: instrument, tick: tick, candle: candle)
                        lines += subscription.event(item: position, values: values, millis: millis, skipUnchanged: true)
                    }
                }
                state.subscriptions[subId] = subscription
            }
            state.accountsDirty = false
            if !lines.isEmpty { state.appendData(lines) }
        }
    }
}
