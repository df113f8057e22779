/// The current field values of one item of a subscription, updated event by event.
public struct TLCPItemState: Sendable, Hashable {
    /// The current values (`nil` = null), one per schema field.
    public private(set) var values: [String?]
    /// Whether the item has received its first event (after which "unchanged" refers to these values).
    public private(set) var hasValues: Bool

    /// Creates the empty state of an item with `fieldCount` fields.
    public init(fieldCount: Int) {
        values = Array(repeating: nil, count: fieldCount)
        hasValues = false
    }

    /// Applies the raw field list of a `U` line and returns the 0-based positions of the fields that changed.
    ///
    /// On a thrown error the state is reset (the next event must be complete again).
    public mutating func apply(_ encoded: Substring) throws(TLCPUpdateDecodingError) -> [Int] {
        do {
            let changed = try TLCPUpdateDecoder.apply(encoded, to: &values, hasPrevious: hasValues)
            hasValues = true
            return changed
        } catch {
            reset()
            throw error
        }
    }

    /// Forgets the values, as for a fresh snapshot.
    public mutating func reset() {
        for index in values.indices { values[index] = nil }
        hasValues = false
    }
}
