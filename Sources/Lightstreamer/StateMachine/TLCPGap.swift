/// Why updates of a subscription may have been lost.
public enum TLCPGap: Sendable, Hashable {
    /// `OV`: the server dropped `lostUpdates` events of `item`.
    case overflow(item: Int, lostUpdates: Int)
    /// The session was replaced (or the connection given up): every item restarts from a fresh snapshot.
    case sessionReplaced
    /// The consumer fell behind and a latest-value-wins buffer replaced `droppedUpdates` undelivered updates of
    /// `item` with newer ones (the values delivered are the latest; intermediate ones were never seen).
    case conflated(item: Int, droppedUpdates: Int)
    /// An update could not be decoded; the subscription is being re-added and restarts from a fresh snapshot.
    case resubscribed(item: Int, TLCPUpdateDecodingError)
}
