import Lightstreamer
import Testing

/// Drives a ``TLCPSessionStateMachine`` with a fake clock and records what it asks for.
struct SessionHarness {
    typealias Action = TLCPSessionStateMachine.Action

    var machine: TLCPSessionStateMachine
    var now = TLCPInstant.zero
    /// The most recent connection the machine asked to open.
    var connection: TLCPConnectionRequest?
    var statuses: [TLCPConnectionStatus] = []

    init(configure: (inout TLCPSessionStateMachine.Configuration) -> Void = { _ in }) {
        var configuration = TLCPSessionStateMachine.Configuration(
            credentials: TLCPCredentials(user: "ABC123", password: "CST-a|XST-b"), adapterSet: "DEFAULT",
            transport: .webSocket, randomSeed: 42)
        configuration.jitter = 0
        configuration.firstRetryMaxDelay = .zero
        configure(&configuration)
        machine = TLCPSessionStateMachine(configuration: configuration)
    }

    var connectionID: TLCPConnectionID { connection!.connectionID }

    @discardableResult
    mutating func handle(_ event: TLCPSessionStateMachine.Event) -> [Action] {
        let actions = machine.handle(event)
        for action in actions {
            switch action {
            case .openTransport(let request): connection = request
            case .statusChanged(let status): statuses.append(status)
            default: break
            }
        }
        return actions
    }

    @discardableResult
    mutating func advance(to seconds: Double) -> TLCPInstant {
        now = TLCPInstant(.milliseconds(Int64(seconds * 1000)))
        return now
    }

    @discardableResult
    mutating func receive(_ line: String) -> [Action] {
        handle(.notificationReceived(TLCPNotification(line: line), connection: connectionID, now: now))
    }

    @discardableResult
    mutating func fire(_ timer: TLCPTimer) -> [Action] {
        handle(.timerFired(timer, now: now))
    }

    /// Connects and completes session creation with `CONOK`.
    @discardableResult
    mutating func connect(session: String = "S1", keepaliveMillis: Int = 5000, controlLink: String = "*") -> [Action] {
        handle(.connect(now: now))
        return receive("CONOK,\(session),50000,\(keepaliveMillis),\(controlLink)")
    }

    @discardableResult
    mutating func subscribe(_ subscription: TLCPSubscription = .quote) -> (TLCPSubscriptionID, [Action]) {
        let id = machine.makeSubscriptionID()
        return (id, handle(.subscribe(id, subscription)))
    }
}

extension TLCPSubscription {
    static let quote = TLCPSubscription(mode: .merge, items: ["MARKET:A", "MARKET:B"], fields: ["BID", "OFFER"])
    static let ticks = TLCPSubscription(mode: .distinct, items: ["CHART:A:TICK"], fields: ["BID", "UTM"])
}

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

func seconds(_ value: Double) -> TLCPInstant {
    TLCPInstant(.milliseconds(Int64(value * 1000)))
}
