/// The state of a Lightstreamer connection as users see it.
public enum TLCPConnectionStatus: Sendable, Hashable {
    /// Not connected; the reason says whether a retry is coming.
    case disconnected(TLCPDisconnectReason)
    /// Creating a session.
    case connecting
    /// Streaming over the given transport.
    case connected(TLCPTransportKind)
    /// Connected, but the server has been silent for longer than its keepalive plus the grace period.
    case stalled
    /// The connection was lost; trying to resume the same session without losing updates.
    case recovering
}
