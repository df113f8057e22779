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
