/// A stored value that this build cannot turn back into what IG sent: of the wrong type (text where an integer
/// belongs) or out of range. The store never writes one, so the database was changed outside swift-ig or is damaged.
/// The backends report it as ``StoreError/Code/unreadableValue``.
struct UnreadableValue: Error, Sendable, CustomStringConvertible {
    /// The table holding the value.
    var table: String
    /// What is wrong with it.
    var detail: String

    var description: String { "\(table): \(detail)" }

    /// The store error for a value of `database` (a path or URL).
    func storeError(_ database: String) -> StoreError {
        StoreError(
            .unreadableValue, "\(database) holds a value swift-ig cannot read (\(description)).",
            hint: "It was changed outside swift-ig or is damaged, and was left untouched: restore a backup, or move it "
                + "aside and fetch the bars again.")
    }
}
