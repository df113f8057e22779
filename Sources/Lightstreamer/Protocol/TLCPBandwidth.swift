/// The bandwidth constraint reported by `CONS`.
public enum TLCPBandwidth: Sendable, Hashable {
    /// A limit, in kilobits per second.
    case kilobitsPerSecond(Double)
    /// No limit.
    case unlimited
    /// No limit, and the client may not set one.
    case unmanaged
}
