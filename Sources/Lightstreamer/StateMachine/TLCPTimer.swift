/// The state machine's timers. Scheduling a timer replaces any pending one of the same kind.
public enum TLCPTimer: Sendable, Hashable, CaseIterable {
    /// No `CONOK` within the connect timeout.
    case connectTimeout
    /// Keepalive watchdog: checks for silence longer than the keepalive plus the grace period.
    case keepalive
    /// Stalled for the reconnect timeout: give up on the connection.
    case stalled
    /// The end of a retry / backoff pause.
    case retry
}
