import Synchronization

extension LightstreamerClient {
    /// The counters so far.
    public var statistics: LightstreamerClientStatistics { statisticsStorage.withLock { $0 } }
}
