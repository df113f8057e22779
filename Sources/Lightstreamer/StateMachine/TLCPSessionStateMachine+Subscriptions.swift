extension TLCPSessionStateMachine {
    struct SubscriptionRecord: Sendable {
        enum State: Sendable {
            /// Not (yet) added in the current session.
            case pending
            /// `add` sent; no `SUBOK` yet.
            case requested
            /// `SUBOK`/`SUBCMD` received.
            case active
        }

        var subscription: TLCPSubscription
        var state: State = .pending
        /// The `LS_subId` in the current session, once the `add` is sent.
        var serverID: Int?
        var items: [ItemRecord] = []

        init(subscription: TLCPSubscription) {
            self.subscription = subscription
        }

        /// Applies a `U` field list to the 1-based `item`; `nil` if the item is unknown.
        mutating func applyUpdate(item: Int, encoded: Substring) -> Result<TLCPItemUpdate, TLCPUpdateDecodingError>? {
            guard item >= 1, item <= items.count else { return nil }
            let index = item - 1
            let wasFirst = !items[index].state.hasValues
            let changed: [Int]
            do {
                changed = try items[index].state.apply(encoded)
            } catch {
                return .failure(error)
            }
            let isSnapshot: Bool
            if !subscription.wantsSnapshot {
                isSnapshot = false
            } else {
                switch subscription.mode {
                case .merge: isSnapshot = wasFirst
                case .distinct, .command: isSnapshot = !items[index].snapshotEnded
                case .raw: isSnapshot = false
                }
            }
            return .success(
                TLCPItemUpdate(
                    item: item, values: items[index].state.values, changedFields: changed, isSnapshot: isSnapshot))
        }
    }

    struct ItemRecord: Sendable {
        var state: TLCPItemState
        var snapshotEnded = false
    }

    enum PendingRequest: Sendable {
        case add(TLCPSubscriptionID, serverID: Int)
        case delete(serverID: Int)
    }

    mutating func subscribe(_ id: TLCPSubscriptionID, _ subscription: TLCPSubscription, actions: inout [Action]) {
        guard subscriptions[id] == nil else { return }  // ids are never reused
        subscriptions[id] = SubscriptionRecord(subscription: subscription)
        if case .streaming(let connection, let transport) = phase {
            var requests: [TLCPRequest] = []
            addRequest(for: id, transport: transport, into: &requests)
            actions.append(.send(connection, requests))
        }
    }

    mutating func unsubscribe(_ id: TLCPSubscriptionID, actions: inout [Action]) {
        guard let record = subscriptions.removeValue(forKey: id) else { return }
        actions.append(.deliver(id, .unsubscribed))
        guard let serverID = record.serverID else { return }
        serverSubscriptions[serverID] = nil
        deletions[serverID] = false
        if case .streaming(let connection, let transport) = phase {
            actions.append(.send(connection, [deleteRequest(serverID: serverID, transport: transport)]))
        }
        // Otherwise the delete is sent once the session is bound again (or forgotten with the session).
    }

    /// After `CONOK`: deletes still owed to the server, then adds for subscriptions not (surely) known to it.
    mutating func sendPendingControlRequests(
        connection: TLCPConnectionID, transport: TLCPTransportKind, actions: inout [Action]
    ) {
        var requests: [TLCPRequest] = []
        for (id, record) in subscriptions.sorted(by: { $0.key < $1.key }) where record.state == .requested {
            // The add was in flight when the previous connection ended: we cannot know whether the server got it.
            // Delete the old id (harmless if unknown) and add again under a new one.
            if let old = record.serverID {
                serverSubscriptions[old] = nil
                deletions[old] = false
            }
            subscriptions[id]?.state = .pending
            subscriptions[id]?.serverID = nil
        }
        for serverID in deletions.keys.sorted() where deletions[serverID] == false {
            requests.append(deleteRequest(serverID: serverID, transport: transport))
        }
        for id in subscriptions.keys.sorted() where subscriptions[id]?.state == .pending {
            addRequest(for: id, transport: transport, into: &requests)
        }
        if !requests.isEmpty { actions.append(.send(connection, requests)) }
    }

    private mutating func addRequest(
        for id: TLCPSubscriptionID, transport: TLCPTransportKind, into requests: inout [TLCPRequest]
    ) {
        guard let record = subscriptions[id] else { return }
        let serverID = nextServerSubscriptionID
        nextServerSubscriptionID += 1
        let requestID = makeRequestID()
        subscriptions[id]?.state = .requested
        subscriptions[id]?.serverID = serverID
        subscriptions[id]?.items = []
        serverSubscriptions[serverID] = id
        pendingRequests[requestID] = .add(id, serverID: serverID)
        requests.append(
            .subscribe(
                requestID: requestID, subscriptionID: serverID, subscription: record.subscription,
                session: transport == .httpStreaming ? session?.id : nil))
    }

    private mutating func deleteRequest(serverID: Int, transport: TLCPTransportKind) -> TLCPRequest {
        let requestID = makeRequestID()
        pendingRequests[requestID] = .delete(serverID: serverID)
        return .unsubscribe(
            requestID: requestID, subscriptionID: serverID, session: transport == .httpStreaming ? session?.id : nil)
    }

    mutating func requestSucceeded(_ requestID: String) {
        if case .delete(let serverID)? = pendingRequests.removeValue(forKey: requestID) {
            deletions[serverID] = true
        }
    }

    mutating func requestFailed(_ requestID: String, code: Int, message: String, actions: inout [Action]) {
        switch pendingRequests.removeValue(forKey: requestID) {
        case .add(let id, let serverID)?:
            guard serverSubscriptions[serverID] == id else { return }  // superseded
            serverSubscriptions[serverID] = nil
            subscriptions[id] = nil
            actions.append(.deliver(id, .failed(code: code, message: message)))
        case .delete(let serverID)?:
            deletions[serverID] = nil
        case nil:
            break
        }
    }

    /// A new session is coming: nothing the server knew survives. Subscriptions that were live get a gap.
    mutating func resetSubscriptionsForNewSession(actions: inout [Action]) {
        for id in subscriptions.keys.sorted() {
            guard let record = subscriptions[id], record.state != .pending else { continue }
            if record.state == .active { actions.append(.deliver(id, .gap(.sessionReplaced))) }
            subscriptions[id]?.state = .pending
            subscriptions[id]?.serverID = nil
            subscriptions[id]?.items = []
        }
        serverSubscriptions.removeAll()
        deletions.removeAll()
        pendingRequests.removeAll()
        nextServerSubscriptionID = 1
    }

    /// A data notification (already counted toward the progressive).
    mutating func receiveData(
        _ notification: TLCPNotification, connection: TLCPConnectionID, transport: TLCPTransportKind,
        actions: inout [Action]
    ) {
        switch notification {
        case .update(let serverID, let item, let values):
            receiveUpdate(
                serverID: serverID, item: item, values: values, connection: connection, transport: transport,
                actions: &actions)
        case .subscriptionOK(let serverID, let itemCount, let fieldCount):
            activate(
                serverID: serverID, itemCount: itemCount, fieldCount: fieldCount, keyField: nil, commandField: nil,
                actions: &actions)
        case .commandSubscriptionOK(let serverID, let itemCount, let fieldCount, let keyField, let commandField):
            activate(
                serverID: serverID, itemCount: itemCount, fieldCount: fieldCount, keyField: keyField,
                commandField: commandField, actions: &actions)
        case .endOfSnapshot(let serverID, let item):
            guard let id = serverSubscriptions[serverID] else { return }
            if let index = itemIndex(id, item) { subscriptions[id]?.items[index].snapshotEnded = true }
            actions.append(.deliver(id, .endOfSnapshot(item: item)))
        case .clearSnapshot(let serverID, let item):
            guard let id = serverSubscriptions[serverID] else { return }
            actions.append(.deliver(id, .snapshotCleared(item: item)))
        case .overflow(let serverID, let item, let lost):
            guard let id = serverSubscriptions[serverID] else { return }
            actions.append(.deliver(id, .gap(.overflow(item: item, lostUpdates: lost))))
        case .configuration(let serverID, let maxFrequency, let isFiltered):
            guard let id = serverSubscriptions[serverID] else { return }
            actions.append(.deliver(id, .configured(maxFrequency: maxFrequency, isFiltered: isFiltered)))
        case .unsubscribed(let serverID):
            if deletions.removeValue(forKey: serverID) != nil { return }
            guard let id = serverSubscriptions.removeValue(forKey: serverID) else { return }
            // The server ended a subscription the client did not delete.
            subscriptions[id] = nil
            actions.append(.deliver(id, .unsubscribed))
        default:
            break  // MSGDONE / MSGFAIL: messages are not driven by this machine
        }
    }

    private mutating func activate(
        serverID: Int, itemCount: Int, fieldCount: Int, keyField: Int?, commandField: Int?, actions: inout [Action]
    ) {
        guard let id = serverSubscriptions[serverID] else { return }
        subscriptions[id]?.state = .active
        let item = ItemRecord(state: TLCPItemState(fieldCount: max(0, fieldCount)))
        subscriptions[id]?.items = Array(repeating: item, count: max(0, itemCount))
        actions.append(
            .deliver(
                id,
                .subscribed(
                    itemCount: itemCount, fieldCount: fieldCount, keyField: keyField, commandField: commandField)))
    }

    private func itemIndex(_ id: TLCPSubscriptionID, _ item: Int) -> Int? {
        guard let count = subscriptions[id]?.items.count, item >= 1, item <= count else { return nil }
        return item - 1
    }

    private mutating func receiveUpdate(
        serverID: Int, item: Int, values: Substring, connection: TLCPConnectionID, transport: TLCPTransportKind,
        actions: inout [Action]
    ) {
        guard let id = serverSubscriptions[serverID],
            let outcome = subscriptions[id]?.applyUpdate(item: item, encoded: values)
        else { return }
        switch outcome {
        case .success(let update):
            actions.append(.deliver(id, .update(update)))
        case .failure(let error):
            resubscribe(
                id, gap: .resubscribed(item: item, error), connection: connection, transport: transport,
                actions: &actions)
        }
    }

    /// Replaces a subscription whose state is unusable with a fresh one (new `LS_subId`, fresh snapshot).
    private mutating func resubscribe(
        _ id: TLCPSubscriptionID, gap: TLCPGap, connection: TLCPConnectionID, transport: TLCPTransportKind,
        actions: inout [Action]
    ) {
        guard let record = subscriptions[id] else { return }
        actions.append(.deliver(id, .gap(gap)))
        var requests: [TLCPRequest] = []
        if let old = record.serverID {
            serverSubscriptions[old] = nil
            deletions[old] = false
            requests.append(deleteRequest(serverID: old, transport: transport))
        }
        subscriptions[id]?.state = .pending
        subscriptions[id]?.serverID = nil
        addRequest(for: id, transport: transport, into: &requests)
        actions.append(.send(connection, requests))
    }
}
