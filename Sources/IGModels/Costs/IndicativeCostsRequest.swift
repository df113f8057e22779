public import Foundation

/// The body of `POST /indicativecostsandcharges/open|close|edit`: the deal to quote costs for.
///
/// `ask`, `bid`, `dealCurrencyCode`, `dealReference` and `size` are required by IG; `openingLevel` is required for
/// close and edit quotes, `editType` and `limitLevel` only apply to edits.
public struct IndicativeCostsRequest: Codable, Sendable, Hashable {
    /// The offer price the quote is for.
    public var ask: Decimal
    /// The bid price the quote is for.
    public var bid: Decimal
    /// The deal's currency.
    public var dealCurrencyCode: String
    /// The reference of the dealing request.
    public var dealReference: DealReference
    /// The deal size (stake per point for spread bets, contracts for CFDs).
    public var size: Decimal
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// Whether the stop is guaranteed.
    public var guaranteedStop: Bool?
    /// IG's instrument id, when known.
    public var instrumentId: String?
    /// The knock-out premium, for knock-outs.
    public var knockoutPremium: Decimal?
    /// The price level of the deal.
    public var priceLevel: Decimal?
    /// The stop level, if any.
    public var stopLevel: Decimal?
    /// The position's opening level (closes and edits).
    public var openingLevel: Decimal?
    /// What an edit changes (edits only).
    public var editType: String?
    /// The limit level, if any.
    public var limitLevel: Decimal?

    /// Creates a request for an indicative costs-and-charges quote.
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
