/// An item of a page-numbered history body, naming the key its list travels under.
public protocol HistoryPageItem: Codable, Sendable, Hashable {
    /// The JSON key of the list (`activities`, `transactions`).
    static var listKey: String { get }
}

extension ActivityV1: HistoryPageItem {
    /// The key under which IG lists the items of a page.
    public static var listKey: String { "activities" }
}

extension Activity: HistoryPageItem {
    /// The key under which IG lists the items of a page.
    public static var listKey: String { "activities" }
}

extension Transaction: HistoryPageItem {
    /// The key under which IG lists the items of a page.
    public static var listKey: String { "transactions" }
}

/// One page of a history listing: activity v2/v3 or transactions v2.
public struct HistoryPage<Item: HistoryPageItem>: Sendable, Hashable {
    /// The items of this page, newest first.
    public var items: [Item]
    /// Page-numbered listings (v2): this page's position.
    public var pageData: PageData?
    /// Page-numbered listings (v2): `metadata.size`, the number of items of the whole result.
    public var totalSize: Int?
    /// Cursor listings (activity v3): the relative link of the next page, `nil` on the last.
    public var next: String?

    /// Creates a page.
    public init(items: [Item], pageData: PageData? = nil, totalSize: Int? = nil, next: String? = nil) {
        self.items = items
        self.pageData = pageData
        self.totalSize = totalSize
        self.next = next
    }
}

/// The body of a page-numbered history listing (`GET /history/activity` v2, `GET /history/transactions` v2):
/// the list under ``HistoryPageItem/listKey`` and `metadata {size, pageData}`.
public struct NumberedHistoryBody<Item: HistoryPageItem>: Decodable, Sendable {
    /// `metadata`.
    public struct Metadata: Codable, Sendable, Hashable {
        /// Items in all pages.
        public var size: Int?
        /// Where this page is.
        public var pageData: PageData?
    }

    /// The items of this page.
    public var items: [Item]
    /// Paging information.
    public var metadata: Metadata?

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        items = try container.decodeIfPresent([Item].self, forKey: Key(stringValue: Item.listKey)) ?? []
        metadata = try container.decodeIfPresent(Metadata.self, forKey: Key(stringValue: "metadata"))
    }
}
