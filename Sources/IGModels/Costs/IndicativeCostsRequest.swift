public import Foundation

/// The body of `POST /indicativecostsandcharges/open|close|edit`: the deal to quote costs for.
///
/// `ask`, `bid`, `dealCurrencyCode`, `dealReference` and `size` are required by IG; `openingLevel` is required for
/// close and edit quotes, `editType` and `limitLevel` only apply to edits.
public struct IndicativeCostsRequest: Codable, Sendable, Hashable {
    public var ask: Decimal
    public var bid: Decimal
    public var dealCurrencyCode: String
    public var dealReference: DealReference
    public var size: Decimal
    public var direction: Direction?
    public var epic: Epic?
    public var guaranteedStop: Bool?
    public var instrumentId: String?
    public var knockoutPremium: Decimal?
    public var priceLevel: Decimal?
    public var stopLevel: Decimal?
    public var openingLevel: Decimal?
    public var editType: String?
    public var limitLevel: Decimal?

    public init(
        epic: Epic?, direction: Direction?, size: Decimal, bid: Decimal, ask: Decimal, dealCurrencyCode: String,
        dealReference: DealReference, guaranteedStop: Bool? = nil, instrumentId: String? = nil,
        knockoutPremium: Decimal? = nil, priceLevel: Decimal? = nil, stopLevel: Decimal? = nil,
        openingLevel: Decimal? = nil, editType: String? = nil, limitLevel: Decimal? = nil
    ) {
        self.epic = epic
        self.direction = direction
        self.size = size
        self.bid = bid
        self.ask = ask
        self.dealCurrencyCode = dealCurrencyCode
        self.dealReference = dealReference
        self.guaranteedStop = guaranteedStop
        self.instrumentId = instrumentId
        self.knockoutPremium = knockoutPremium
        self.priceLevel = priceLevel
        self.stopLevel = stopLevel
        self.openingLevel = openingLevel
        self.editType = editType
        self.limitLevel = limitLevel
    }
}
