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

func seconds(_ value: Double) -> TLCPInstant {
    TLCPInstant(.milliseconds(Int64(value * 1000)))
}
