/// One update of an item, with the item's full current field values.
public struct TLCPItemUpdate: Sendable, Hashable {
    /// The 1-based item index (position in ``TLCPSubscription/items``).
    public var item: Int
    /// All field values after this update (`nil` = null), in schema order.
    public var values: [String?]
    /// The 0-based positions of the fields whose value changed with this update, ascending.
    public var changedFields: [Int]
    /// Whether this event belongs to the item's snapshot rather than being a real-time update.
    public var isSnapshot: Bool

    /// Creates an update.
    public init(item: Int, values: [String?], changedFields: [Int], isSnapshot: Bool) {
        self.item = item
        self.values = values
        self.changedFields = changedFields
        self.isSnapshot = isSnapshot
    }

    /// Whether the field at the 0-based `position` changed.
    public func isChanged(_ position: Int) -> Bool { changedFields.contains(position) }
}
