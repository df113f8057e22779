import Foundation
public import IGModels

extension IGClient.Markets {
    /// `GET /marketnavigation` (no `nodeId`) or `GET /marketnavigation/{nodeId}`: the child nodes and markets of a
    /// node of IG's market tree.
    public func navigation(_ nodeId: String? = nil) async throws(IGError) -> MarketNavigation {
        let request =
            nodeId.map { IGRequest(.get, "/marketnavigation/\($0)", operation: "GET /marketnavigation/{nodeId}") }
            ?? IGRequest(.get, "/marketnavigation")
        return try await client.decoded(MarketNavigation.self, request)
    }

    /// `GET /categories` (IG's newer docs): the instrument categories.
    public func categories() async throws(IGError) -> [InstrumentCategory] {
        try await client.decoded(InstrumentCategories.self, IGRequest(.get, "/categories")).categories
    }

    /// `GET /categories/{categoryId}/instruments`: one page of a category's instruments.
    ///
    /// - Parameters:
    ///   - categoryId: the category, e.g. from `categories()`.
    ///   - pageNumber: from 0.
    ///   - pageSize: 1 to 1000 (IG's default 150).
    public func instruments(
        inCategory categoryId: String, pageNumber: Int = 0, pageSize: Int = 150
    ) async throws(IGError) -> CategoryInstrumentsPage {
        guard pageNumber >= 0, (1...1000).contains(pageSize) else {
            throw IGError(
                code: .invalidArgument, operation: "GET /categories/{categoryId}/instruments",
                detail: "pageNumber must be ≥ 0 and pageSize 1…1000 (got \(pageNumber), \(pageSize))")
        }
        let request = IGRequest(
            .get, "/categories/\(categoryId)/instruments",
            query: [
                URLQueryItem(name: "pageNumber", value: String(pageNumber)),
                URLQueryItem(name: "pageSize", value: String(pageSize)),
            ],
            operation: "GET /categories/{categoryId}/instruments")
        return try await client.decoded(CategoryInstrumentsPage.self, request)
    }
}
