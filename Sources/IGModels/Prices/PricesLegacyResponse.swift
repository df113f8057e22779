/// The body of the v1 and v2 price endpoints (`/prices/{epic}/{resolution}/…`): bars without `snapshotTimeUTC`
/// and the allowance at the top level.
public struct PricesLegacyResponse: Codable, Sendable, Hashable {
    /// The bars.
    public var prices: [PriceBarPayload]
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// The historical-data allowance after this request.
    public var allowance: PriceAllowance?

    enum CodingKeys: String, CodingKey { case prices, instrumentType, allowance }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        prices = try container.decodeIfPresent([PriceBarPayload].self, forKey: .prices) ?? []
        instrumentType = try container.decodeIfPresent(InstrumentType.self, forKey: .instrumentType)
        allowance = try container.decodeIfPresent(PriceAllowance.self, forKey: .allowance)
    }
}
