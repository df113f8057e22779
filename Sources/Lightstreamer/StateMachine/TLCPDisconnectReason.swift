/// Why a connection is down.
public enum TLCPDisconnectReason: Sendable, Hashable {
    /// ``TLCPSessionStateMachine/Event/connect(now:)`` has not been requested yet.
    case notStarted
    /// The client asked to disconnect.
    case requested
    /// A new attempt is scheduled.
    case willRetry(TLCPConnectionProblem)
    /// Terminal: no retry will happen until the client asks to connect again.
    case failed(TLCPConnectionProblem)
}
