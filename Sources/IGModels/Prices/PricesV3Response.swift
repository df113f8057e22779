import Foundation

/// The body of `GET /prices/{epic}` version 3.
public struct PricesV3Response: Codable, Sendable, Hashable {
    /// The bars of this page.
    public var prices: [PriceBarPayload]
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// Allowance and paging.
    public var metadata: PriceMetadata?
}
