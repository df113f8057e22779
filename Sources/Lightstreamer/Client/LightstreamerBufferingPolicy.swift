import Synchronization

/// How a subscription's events wait for a consumer that is slower than the stream.
public enum LightstreamerBufferingPolicy: Sendable, Hashable {
    /// Keep every event until it is consumed (lossless; memory grows while the consumer lags). Right for trade
    /// confirmations and order updates.
    case unbounded
    /// Latest value wins: while a (non-snapshot) update of an item is still waiting for the consumer, a newer update
    /// of the same item replaces it (its changed fields are merged), and a ``TLCPGap/conflated(item:droppedUpdates:)`` gap is
    /// delivered just before it. Memory stays bounded by the number of items. Right for prices.
    case latestValuePerItem
}
