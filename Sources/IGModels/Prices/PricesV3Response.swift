import Foundation

/// The body of `GET /prices/{epic}` version 3.
public struct PricesV3Response: Codable, Sendable, Hashable {
    public var prices: [PriceBarPayload]
    public var instrumentType: InstrumentType?
    public var metadata: PriceMetadata?
}
