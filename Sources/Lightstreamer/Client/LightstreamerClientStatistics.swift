import Synchronization

/// Counters of a ``LightstreamerClient``'s work since ``LightstreamerClient/run()`` started, for observability,
/// resilience runs and tests.
public struct LightstreamerClientStatistics: Sendable, Hashable {
    /// Stream connections opened (every transport, every purpose).
    public var connectionsOpened = 0
    /// `create_session` attempts.
    public var sessionCreations = 0
    /// Sessions established (`CONOK` for a `create_session`).
    public var sessionsEstablished = 0
    /// `bind_session` attempts after `LOOP`.
    public var rebinds = 0
    /// `bind_session` attempts with `LS_recovery_from` after a lost connection.
    public var recoveries = 0
    /// Gaps delivered to subscriptions (all reasons).
    public var gaps = 0
    /// Item updates delivered to subscription buffers.
    public var updates = 0
    /// Times session parameters (credentials) were requested.
    public var credentialRequests = 0

    /// Creates zeroed counters.
    public init() {}
}
