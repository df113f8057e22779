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
