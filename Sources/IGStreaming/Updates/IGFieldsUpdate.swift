/// One item update as IG sent it, undecoded: the item and the fields this event carried (every field of a snapshot,
/// the changed ones otherwise), by name. What an audit trail keeps.
public struct IGFieldsUpdate: Sendable, Hashable {
    /// The item, e.g. `ACCOUNT:ABC123` or `TRADE:ABC123`.
    public var item: IGStreamingItem
    /// The fields sent with this event, by name; a field IG sent as null is absent.
    public var fields: [String: String]
    /// Names of the fields IG sent as null with this event.
    public var nullFields: Set<String>
    /// Whether the update is part of the item's snapshot.
    public var isSnapshot: Bool

    /// An update.
    public init(item: IGStreamingItem, fields: [String: String], nullFields: Set<String> = [], isSnapshot: Bool) {
        self.item = item
        self.fields = fields
        self.nullFields = nullFields
        self.isSnapshot = isSnapshot
    }
}
