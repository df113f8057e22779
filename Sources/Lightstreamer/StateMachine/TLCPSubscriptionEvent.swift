/// What happens to one subscription, delivered in order.
public enum TLCPSubscriptionEvent: Sendable, Hashable {
    /// The server activated the subscription in the current session (`SUBOK`/`SUBCMD`). Sent again after every new
    /// session.
    case subscribed(itemCount: Int, fieldCount: Int, keyField: Int?, commandField: Int?)
    /// An item update.
    case update(TLCPItemUpdate)
    /// `EOS`: the item's snapshot is complete.
    case endOfSnapshot(item: Int)
    /// `CS`: the item's snapshot was cleared.
    case snapshotCleared(item: Int)
    /// `CONF`: the subscription's frequency configuration (`nil` = unlimited).
    case configured(maxFrequency: Double?, isFiltered: Bool)
    /// Updates may have been lost.
    case gap(TLCPGap)
    /// The server refused the subscription (`REQERR`, TLCP Appendix B code). Terminal: the subscription is dropped.
    case failed(code: Int, message: String)
    /// The subscription ended (asked by the client, or by the server). Terminal.
    case unsubscribed
}
