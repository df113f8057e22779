import Foundation

/// The `metadata` of a v3 price body.
public struct PriceMetadata: Codable, Sendable, Hashable {
    /// The historical-data allowance after this request.
    public var allowance: PriceAllowance?
    /// The number of points of the whole result.
    public var size: Int?
    /// Where this page is.
    public var pageData: PageData?
}
