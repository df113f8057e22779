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

/// Ex-ante costs of opening a position (`POST /indicativecostsandcharges/open`), in `currencyCodeISO`.
public struct IndicativeOpeningCosts: Codable, Sendable, Hashable {
    public var indicativeQuoteReference: String?
    public var currencyCodeISO: String?
    public var notionalValue: Decimal?
    public var notionalValueInUserCurrency: Decimal?
    public var openingSpread: Decimal?
    public var openingCommission: Decimal?
    public var openingFxFee: Decimal?
    public var openingIFTT: Decimal?
    public var closingSpread: Decimal?
    public var closingCommission: Decimal?
    public var closingFxFee: Decimal?
    public var closingIFTT: Decimal?
    public var overnightFundingFee: Decimal?
    public var dailyRunningFxFee: Decimal?
    public var borrowingCharge: Decimal?
    public var guaranteedStopDeposit: Decimal?
    public var guaranteedStopReturn: Decimal?
    public var knockoutPremiumDeposit: Decimal?
    public var knockoutPremiumReturn: Decimal?
    public var etpEntryCost: Decimal?
    public var etpExitCost: Decimal?
    public var etpOngoingCost: Decimal?
    public var inducements: Decimal?
}

/// The costs of closing (part of) a position: the `close`, `limit` and `stop` blocks of close and edit quotes.
public struct IndicativeClosingCosts: Codable, Sendable, Hashable {
    public var indicativeQuoteReference: String?
    public var notionalValue: Decimal?
    public var notionalValueInUserCurrency: Decimal?
    public var closingSpread: Decimal?
    public var closingCommission: Decimal?
    public var closingFxFee: Decimal?
    public var closingIFTT: Decimal?
    public var etpExitCost: Decimal?
    public var guaranteedStopReturn: Decimal?
    public var knockoutPremiumReturn: Decimal?
}

/// The answer to `POST /indicativecostsandcharges/close`.
public struct IndicativeCloseCosts: Codable, Sendable, Hashable {
    public var close: IndicativeClosingCosts?
    public var currencyCodeISO: String?
}

/// The answer to `POST /indicativecostsandcharges/edit`: closing costs should the new limit or stop be hit.
public struct IndicativeEditCosts: Codable, Sendable, Hashable {
    public var currencyCodeISO: String?
    public var limit: IndicativeClosingCosts?
    public var stop: IndicativeClosingCosts?
}

/// One earlier quote of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryEntry: Codable, Sendable, Hashable {
    /// When the quote was made, as IG sent it (ISO 8601).
    public var createdTimestamp: String?
    public var direction: Direction?
    public var indicativeQuoteReference: String
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
    public var pageNumber: Int?
    public var pageSize: Int?
    public var totalElements: Int?
    public var totalPages: Int?
}

/// The body of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryPage: Codable, Sendable, Hashable {
    public var costsAndChargesHistory: [CostsHistoryEntry]
    public var pagination: CostsPagination?

    enum CodingKeys: String, CodingKey { case costsAndChargesHistory, pagination }

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
