import Lightstreamer

/// What the tests read from the actions the machine returns.
extension [TLCPSessionStateMachine.Action] {
    /// The requests sent, flattened.
    var sentRequests: [TLCPRequest] {
        flatMap { action -> [TLCPRequest] in
            if case .send(_, let requests) = action { return requests }
            return []
        }
    }

    var deliveries: [(TLCPSubscriptionID, TLCPSubscriptionEvent)] {
        compactMap { action in
            if case .deliver(let id, let event) = action { return (id, event) }
            return nil
        }
    }

    var deliveredEvents: [TLCPSubscriptionEvent] { deliveries.map(\.1) }

    var opened: TLCPConnectionRequest? {
        for case .openTransport(let request) in self { return request }
        return nil
    }

    func scheduled(_ timer: TLCPTimer) -> TLCPInstant? {
        for case .scheduleTimer(let kind, let deadline) in self where kind == timer { return deadline }
        return nil
    }

    var statuses: [TLCPConnectionStatus] {
        compactMap { action in
            if case .statusChanged(let status) = action { return status }
            return nil
        }
    }

    var updates: [TLCPItemUpdate] {
        deliveredEvents.compactMap { event in
            if case .update(let update) = event { return update }
            return nil
        }
    }
}
