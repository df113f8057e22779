/// An item of a page-numbered history body, naming the key its list travels under.
public protocol HistoryPageItem: Codable, Sendable, Hashable {
    /// The JSON key of the list (`activities`, `transactions`).
    static var listKey: String { get }
}
