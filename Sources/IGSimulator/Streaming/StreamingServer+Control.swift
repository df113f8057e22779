import Foundation

// `control` requests (LS_op=add, delete, reconf, constrain, force_rebind, destroy) and `heartbeat`.

extension StreamingServer {
    /// Applies one control request to a session. Returns the reply line (`REQOK,<id>` or `REQERR,…`) or nil when
    /// none is due (`LS_ack=false` over WebSocket). Data notifications go to the session's stream.
    func control(
        _ request: TLCPClientRequest, session: StreamSession, context: SimulatorContext, overWebSocket: Bool
    ) -> String? {
        let requestId = request["LS_reqId"] ?? ""
        let acknowledge = !(overWebSocket && request["LS_ack"]?.lowercased() == "false")
        let ok: String? = acknowledge ? "REQOK,\(requestId)" : nil
        if request.name == "heartbeat" { return overWebSocket ? nil : (requestId.isEmpty ? "REQOK" : ok) }
        guard request.name == "control" else {
            return TLCPEncoding.reqerr(requestId, 65, "Unsupported request \(request.name)")
        }
        switch request["LS_op"]?.lowercased() {
        case "add":
            return self.add(
                request, requestId: requestId, ok: ok, session: session, context: context, overWebSocket: overWebSocket)
        case "delete":
            guard let subId = request["LS_subId"].flatMap(Int.init) else {
                return TLCPEncoding.reqerr(requestId, 19, "Subscription not found")
            }
            return session.state.withLock { state -> String? in
                guard state.subscriptions.removeValue(forKey: subId) != nil else {
                    return TLCPEncoding.reqerr(requestId, 19, "Subscription not found")
                }
                state.order.removeAll { $0 == subId }
                if overWebSocket, let ok { state.control.append(ok) }
                state.appendData(["UNSUB,\(subId)"])
                state.binding?.wake.yield()
                return nil
            } ?? (overWebSocket ? nil : ok)
        case "reconf":
            guard let subId = request["LS_subId"].flatMap(Int.init) else {
                return TLCPEncoding.reqerr(requestId, 19, "Subscription not found")
            }
            let frequency = Self.frequency(request["LS_requested_max_frequency"])
            return session.state.withLock { state -> String? in
                guard var subscription = state.subscriptions[subId] else {
                    return TLCPEncoding.reqerr(requestId, 19, "Subscription not found")
                }
                subscription.maxFrequency = frequency
                state.subscriptions[subId] = subscription
                if overWebSocket, let ok { state.control.append(ok) }
                state.appendData([Self.conf(subscription)])
                state.binding?.wake.yield()
                return nil
            } ?? (overWebSocket ? nil : ok)
        case "constrain":
            session.state.withLock { state in
                if overWebSocket, let ok { state.control.append(ok) }
                state.control.append("CONS,unlimited")
                state.binding?.wake.yield()
            }
            return overWebSocket ? nil : ok
        case "force_rebind":
            session.state.withLock { state in
                if overWebSocket, let ok { state.control.append(ok) }
            }
            session.command(.loop)
            return overWebSocket ? nil : ok
        case "destroy":
            let code = request["LS_cause_code"].flatMap(Int.init).flatMap { $0 <= 0 ? $0 : nil } ?? 31
            let message = request["LS_cause_message"] ?? "Destroy request"
            session.state.withLock { state in
                if overWebSocket, let ok { state.control.append(ok) }
            }
            session.command(.end(code: code, message: message))
            if session.state.withLock({ $0.binding == nil }) { self.removeSession(session) }
            return overWebSocket ? nil : ok
        default:
            return TLCPEncoding.reqerr(requestId, 65, "Unknown LS_op")
        }
    }

    private func add(
        _ request: TLCPClientRequest, requestId: String, ok: String?, session: StreamSession, context: SimulatorContext,
        overWebSocket: Bool
    ) -> String? {
        func failure(_ code: Int, _ message: String) -> String { TLCPEncoding.reqerr(requestId, code, message) }
        guard let subId = request["LS_subId"].flatMap(Int.init), subId >= 1 else {
            return failure(65, "Invalid LS_subId")
        }
        guard let mode = request["LS_mode"].flatMap({ StreamSubscription.Mode(rawValue: $0.uppercased()) }) else {
            return failure(65, "Invalid LS_mode")
        }
        guard mode != .command else { return failure(24, "COMMAND mode not allowed for these items") }
        let names = (request["LS_group"] ?? "").split(separator: " ").map(String.init)
        let items = names.compactMap(StreamItem.init(name:))
        guard !names.isEmpty, items.count == names.count else { return failure(21, "Invalid group") }
        guard Set(items.map(\.family)).count == 1 else { return failure(21, "One item type per subscription") }
        for item in items {
            if let epic = item.epic, context.catalog.instrument(epic: epic) == nil {
                return failure(21, "Unknown epic \(epic)")
            }
            if let account = item.accountId, !session.accountIds.contains(account) {
                return failure(21, "Invalid account \(account)")
            }
        }
        let adapter = request["LS_data_adapter"]
        if let adapter, !adapter.isEmpty, adapter.uppercased() != "DEFAULT", adapter != "Pricing" {
            return failure(17, "Data Adapter \(adapter) not found")
        }
        if items[0].needsPricingAdapter != (adapter == "Pricing") {
            return failure(21, items[0].needsPricingAdapter ? "PRICE items need adapter Pricing" : "Invalid group")
        }
        let fields = (request["LS_schema"] ?? "").split(separator: " ").map(String.init)
        guard !fields.isEmpty else { return failure(23, "Invalid schema") }
        let snapshotText = request["LS_snapshot"]?.lowercased()
        let snapshot = mode != .raw && (snapshotText == "true" || (snapshotText.flatMap(Int.init) ?? 0) > 0)
        var subscription = StreamSubscription(
            id: subId, mode: mode, items: items, fieldNames: fields, snapshot: snapshot,
            maxFrequency: Self.frequency(request["LS_requested_max_frequency"]), catalog: context.catalog)
        let maximum = self.configuration(context).maximumSubscriptions
        var figures = [String: AccountFigures]()
        for case .account(let accountId) in items where figures[accountId] == nil {
            figures[accountId] = context.streamingAccountFigures(accountId: accountId)
        }
        let millis = Int64((context.now.timeIntervalSince1970 * 1000).rounded(.down))
        let stepped = context.clock.mode.isStepped
        return session.state.withLock { state -> String? in
            guard state.subscriptions[subId] == nil else { return failure(65, "Subscription id already in use") }
            guard state.subscriptions.count < maximum else { return failure(30, "Subscription limit reached") }
            var lines = ["SUBOK,\(subId),\(items.count),\(fields.count)", Self.conf(subscription)]
            if snapshot {
                for index in items.indices {
                    lines += Self.snapshot(
                        &subscription, index: index, state: &state, context: context, figures: figures, millis: millis)
                    if mode != .merge { lines.append("EOS,\(subId),\(index + 1)") }
                }
            } else if stepped {
                // A stepped clock stands still until a client moves it, and the binding's ticker publishes only
                // when the tick changes: a market item added meanwhile would get nothing until the next step, or
                // its first update, depending on whether the ticker ran before this request. The market as it
                // stands goes out now, so a subscription's first update never depends on timing.
                for index in items.indices where subscription.instruments[index] != nil {
                    lines += Self.snapshot(
                        &subscription, index: index, state: &state, context: context, figures: figures, millis: millis,
                        emptyWithoutPrice: false)
                }
            }
            state.subscriptions[subId] = subscription
            state.order.append(subId)
            if overWebSocket, let ok { state.control.append(ok) }
            state.appendData(lines)
            state.binding?.wake.yield()
            return nil
        } ?? (overWebSocket ? nil : ok)
    }

    /// The snapshot event of one item (none for TRADE). A market with no price yet (a replay's clock before its first
    /// bar) gets an event with empty fields, or none when `emptyWithoutPrice` is false.
    static func snapshot(
        _ subscription: inout StreamSubscription, index: Int, state: inout StreamSession.State,
        context: SimulatorContext,
        figures: [String: AccountFigures], millis: Int64, emptyWithoutPrice: Bool = true
    ) -> [String] {
        let item = subscription.items[index]
        switch item {
        case .trade:
            return subscription.mode == .merge
                ? subscription.event(
                    item: index, values: subscription.fields.map { _ in nil }, millis: millis, force: true)
                : []
        case .account(let accountId):
            let current = figures[accountId] ?? AccountFigures()
            return subscription.event(
                item: index, values: StreamValues.account(subscription.fields, figures: current), millis: millis,
                force: true)
        default:
            guard let instrument = subscription.instruments[index] else { return [] }
            let (interval, perSecond) = BindingStateMachine.tickSpacing(
                context.streaming.configuration(context).updatesPerSecond)
            let position = BindingStateMachine.tickIndex(millis, interval: interval, perSecond: perSecond)
            let tick = state.feed.tick(instrument, millis: millis, index: position, perSecond: perSecond)
            // No price yet (a replay's clock before its first bar): the snapshot has empty fields, and the first
            // update comes with the first price.
            guard tick.hasPrice else {
                guard emptyWithoutPrice else { return [] }
                return subscription.event(
                    item: index, values: subscription.fields.map { _ in nil }, millis: millis, force: true)
            }
            var candle: StreamValues.CandleState?
            if case .chartCandle(_, let length) = item {
                let current = state.feed.candle(instrument, tick: tick, length: length)
                let ended = current.start + length <= CivilTime.floorDiv(millis, 1000)
                candle = StreamValues.CandleState(start: current.start, bar: current.bar, complete: ended)
                subscription.candleStart[index] = current.start
                if ended { subscription.completedStart[index] = current.start }
            }
            let values = StreamValues.market(subscription.fields, instrument: instrument, tick: tick, candle: candle)
            context.streaming.notePublished(item, tick: tick)
            return subscription.event(item: index, values: values, millis: millis, force: true)
        }
    }

    static func conf(_ subscription: StreamSubscription) -> String {
        let frequency = subscription.maxFrequency.map { String($0) } ?? "unlimited"
        return "CONF,\(subscription.id),\(frequency),filtered"
    }

    /// `LS_requested_max_frequency`: a positive, finite number of updates a second, or nil for `unlimited` (also
    /// for `unfiltered`, and for anything unreadable: `inf`, `nan`, `0`, `-1`, none of which is a frequency).
    static func frequency(_ text: String?) -> Double? {
        guard let text, let value = Double(text), value.isFinite, value > 0 else { return nil }
        return value
    }
}
