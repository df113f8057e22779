import Foundation

/// The `metadata` of a v3 price body.
public struct PriceMetadata: Codable, Sendable, Hashable {
    public var allowance: PriceAllowance?
    public var size: Int?
    public var pageData: PageData?
}
