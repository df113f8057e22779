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

/// Ex-ante costs of opening a position (`POST /indicativecostsandcharges/open`), in `currencyCodeISO`.
public struct IndicativeOpeningCosts: Codable, Sendable, Hashable {
    /// The quote's reference, for the PDF document and the history.
    public var indicativeQuoteReference: String?
    /// The currency of the amounts.
    public var currencyCodeISO: String?
    /// The deal's notional value in the instrument's currency.
    public var notionalValue: Decimal?
    /// The deal's notional value in the account's currency.
    public var notionalValueInUserCurrency: Decimal?
    /// The spread cost of opening.
    public var openingSpread: Decimal?
    /// The commission on opening.
    public var openingCommission: Decimal?
    /// The currency conversion fee on opening.
    public var openingFxFee: Decimal?
    /// The financial transaction tax on opening.
    public var openingIFTT: Decimal?
    /// The spread cost of closing.
    public var closingSpread: Decimal?
    /// The commission on closing.
    public var closingCommission: Decimal?
    /// The currency conversion fee on closing.
    public var closingFxFee: Decimal?
    /// The financial transaction tax on closing.
    public var closingIFTT: Decimal?
    /// The overnight funding charge per night.
    public var overnightFundingFee: Decimal?
    /// The daily currency conversion fee while open.
    public var dailyRunningFxFee: Decimal?
    /// The borrowing charge for short positions.
    public var borrowingCharge: Decimal?
    /// The premium paid for a guaranteed stop.
    public var guaranteedStopDeposit: Decimal?
    /// The guaranteed-stop premium returned when unused.
    public var guaranteedStopReturn: Decimal?
    /// The knock-out premium paid.
    public var knockoutPremiumDeposit: Decimal?
    /// The knock-out premium returned.
    public var knockoutPremiumReturn: Decimal?
    /// The entry cost of an exchange-traded product.
    public var etpEntryCost: Decimal?
    /// The exit cost of an exchange-traded product.
    public var etpExitCost: Decimal?
    /// The ongoing cost of an exchange-traded product.
    public var etpOngoingCost: Decimal?
    /// Payments IG receives from third parties for the deal.
    public var inducements: Decimal?
}

/// The costs of closing (part of) a position: the `close`, `limit` and `stop` blocks of close and edit quotes.
public struct IndicativeClosingCosts: Codable, Sendable, Hashable {
    /// The quote's reference.
    public var indicativeQuoteReference: String?
    /// The notional value in the instrument's currency.
    public var notionalValue: Decimal?
    /// The notional value in the account's currency.
    public var notionalValueInUserCurrency: Decimal?
    /// The spread cost of closing.
    public var closingSpread: Decimal?
    /// The commission on closing.
    public var closingCommission: Decimal?
    /// The currency conversion fee on closing.
    public var closingFxFee: Decimal?
    /// The financial transaction tax on closing.
    public var closingIFTT: Decimal?
    /// The exit cost of an exchange-traded product.
    public var etpExitCost: Decimal?
    /// The guaranteed-stop premium returned.
    public var guaranteedStopReturn: Decimal?
    /// The knock-out premium returned.
    public var knockoutPremiumReturn: Decimal?
}

/// The answer to `POST /indicativecostsandcharges/close`.
public struct IndicativeCloseCosts: Codable, Sendable, Hashable {
    /// The costs of closing.
    public var close: IndicativeClosingCosts?
    /// The currency of the amounts.
    public var currencyCodeISO: String?
}

/// The answer to `POST /indicativecostsandcharges/edit`: closing costs should the new limit or stop be hit.
public struct IndicativeEditCosts: Codable, Sendable, Hashable {
    /// The currency of the amounts.
    public var currencyCodeISO: String?
    /// The cost of changing the limit.
    public var limit: IndicativeClosingCosts?
    /// The cost of changing the stop.
    public var stop: IndicativeClosingCosts?
}

/// One earlier quote of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryEntry: Codable, Sendable, Hashable {
    /// When the quote was made, as IG sent it (ISO 8601).
    public var createdTimestamp: String?
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// The quote's reference.
    public var indicativeQuoteReference: String
    /// The instrument's name.
    public var instrumentName: String?
    /// `OPEN`, `CLOSE` or `EDIT`.
    public var type: String?

    /// ``createdTimestamp`` as a UTC date, when it can be read.
    public var created: Date? {
        createdTimestamp.flatMap { IGDateFormat.date(fromISOWithOffset: $0) }
    }
}

/// The pagination of a costs history page.
public struct CostsPagination: Codable, Sendable, Hashable {
    /// This page's number.
    public var pageNumber: Int?
    /// Entries per page.
    public var pageSize: Int?
    /// Entries in all pages.
    public var totalElements: Int?
    /// The number of pages.
    public var totalPages: Int?
}

/// The body of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryPage: Codable, Sendable, Hashable {
    /// The quotes of this page.
    public var costsAndChargesHistory: [CostsHistoryEntry]
    /// Where this page is.
    public var pagination: CostsPagination?

    enum CodingKeys: String, CodingKey { case costsAndChargesHistory, pagination }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        costsAndChargesHistory =
            try container.decodeIfPresent([CostsHistoryEntry].self, forKey: .costsAndChargesHistory) ?? []
        pagination = try container.decodeIfPresent(CostsPagination.self, forKey: .pagination)
    }
}

extension IGDateFormat {
    /// Reads `yyyy-MM-dd'T'HH:mm:ss[.SSS]` followed by `Z` or a `±HH:mm` offset, as a UTC instant.
    public static func date(fromISOWithOffset text: String) -> Date? {
        if let plain = IGDateFormat.iso.date(from: text) { return plain }
        guard text.count >= 25 else { return nil }
        let offsetPart = text.suffix(6)
        let sign: Double
        switch offsetPart.first {
        case "+": sign = 1
        case "-": sign = -1
        default: return nil
        }
        let digits = offsetPart.dropFirst().split(separator: ":")
        guard digits.count == 2, let hours = Double(digits[0]), let minutes = Double(digits[1]),
            let local = IGDateFormat.iso.date(from: text.dropLast(6))
        else { return nil }
        return local.addingTimeInterval(-sign * (hours * 3600 + minutes * 60))
    }

    /// Prints a UTC instant as `yyyy-MM-dd'T'HH:mm:ss.SSS+00:00`, the layout of the costs history path.
    public static func isoWithOffset(_ date: Date) -> String {
        IGDateFormat.iso.string(from: date) + ".000+00:00"
    }
}
