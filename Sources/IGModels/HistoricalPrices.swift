public import Foundation

/// One side-by-side price: bid, ask and (for exchange-traded markets) last traded.
public struct PriceQuote: Codable, Sendable, Hashable {
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var ask: Decimal?
    /// The last traded price, where IG has one.
    public var lastTraded: Decimal?

    /// Creates a quote.
    public init(bid: Decimal?, ask: Decimal?, lastTraded: Decimal? = nil) {
        self.bid = bid
        self.ask = ask
        self.lastTraded = lastTraded
    }

    /// The middle of bid and ask.
    public var mid: Decimal? {
        guard let bid, let ask else { return nil }
        return (bid + ask) / 2
    }

    /// Ask minus bid.
    public var spread: Decimal? {
        guard let bid, let ask else { return nil }
        return ask - bid
    }
}

/// A historical price bar exactly as IG sends it in a v3 price body.
public struct PriceBarPayload: Codable, Sendable, Hashable {
    /// Account-local start of the bar (`yyyy/MM/dd HH:mm:ss`).
    public var snapshotTime: String
    /// UTC start of the bar (`yyyy-MM-dd'T'HH:mm:ss`); v1 and v2 bodies do not carry it.
    public var snapshotTimeUTC: String?
    /// The bar's opening prices.
    public var openPrice: PriceQuote
    /// The bar's closing prices.
    public var closePrice: PriceQuote
    /// The bar's highest prices.
    public var highPrice: PriceQuote
    /// The bar's lowest prices.
    public var lowPrice: PriceQuote
    /// The volume traded during the bar, where IG has one.
    public var lastTradedVolume: Decimal?
}

/// The weekly historical-data allowance, echoed with every price response.
public struct PriceAllowance: Codable, Sendable, Hashable {
    /// Price points left in the current period.
    public var remainingAllowance: Int
    /// Price points per period (10,000 a week on LIVE).
    public var totalAllowance: Int
    /// Seconds until the period resets.
    public var allowanceExpiry: Int
}

/// Page position in a paged IG response.
public struct PageData: Codable, Sendable, Hashable {
    /// Items per page.
    public var pageSize: Int
    /// This page's number, from 1.
    public var pageNumber: Int
    /// The number of pages.
    public var totalPages: Int
}

/// The `metadata` of a v3 price body.
public struct PriceMetadata: Codable, Sendable, Hashable {
    /// The historical-data allowance after this request.
    public var allowance: PriceAllowance?
    /// The number of points of the whole result.
    public var size: Int?
    /// Where this page is.
    public var pageData: PageData?
}

/// The body of `GET /prices/{epic}` version 3.
public struct PricesV3Response: Codable, Sendable, Hashable {
    /// The bars of this page.
    public var prices: [PriceBarPayload]
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// Allowance and paging.
    public var metadata: PriceMetadata?
}

/// A historical price bar with its UTC start time.
public struct PriceBar: Codable, Sendable, Hashable {
    /// Start of the bar, UTC.
    public var time: Date
    /// IG's account-local start time, kept as sent.
    public var localTime: String
    /// Opening prices.
    public var open: PriceQuote
    /// Highest prices.
    public var high: PriceQuote
    /// Lowest prices.
    public var low: PriceQuote
    /// Closing prices.
    public var close: PriceQuote
    /// Traded volume of this bar, when IG reports one for it.
    public var volume: Decimal?

    /// Creates a bar.
    public init(
        time: Date, localTime: String, open: PriceQuote, high: PriceQuote, low: PriceQuote, close: PriceQuote,
        volume: Decimal?
    ) {
        self.time = time
        self.localTime = localTime
        self.open = open
        self.high = high
        self.low = low
        self.close = close
        self.volume = volume
    }

    /// Builds a bar from IG's payload; `nil` when no UTC time can be derived.
    ///
    /// - Parameters:
    ///   - payload: one element of IG's `prices` array.
    ///   - localOffset: the account's offset from UTC in seconds, used only when IG sent no
    ///     `snapshotTimeUTC` (v1/v2 bodies).
    public init?(payload: PriceBarPayload, localOffset: Int = 0) {
        let time: Date
        if let utc = payload.snapshotTimeUTC, let parsed = IGDateFormat.iso.date(from: utc) {
            time = parsed
        } else if let local = IGDateFormat.date(from: payload.snapshotTime, trying: [.slashed, .colon]) {
            time = local.addingTimeInterval(TimeInterval(-localOffset))
        } else {
            return nil
        }
        let volume = payload.lastTradedVolume
        self.init(
            time: time, localTime: payload.snapshotTime, open: payload.openPrice, high: payload.highPrice,
            low: payload.lowPrice, close: payload.closePrice, volume: volume)
    }
}

/// A historical price series: typed bars with UTC times, and the allowance IG reported with it.
public struct HistoricalPrices: Codable, Sendable, Hashable {
    /// The market.
    public var epic: Epic
    /// The bars' resolution.
    public var resolution: Resolution
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// Bars, oldest first.
    public var bars: [PriceBar]
    /// The historical-data allowance after this request (from the last page).
    public var allowance: PriceAllowance?

    /// Creates a price history.
    public init(
        epic: Epic, resolution: Resolution, instrumentType: InstrumentType?, bars: [PriceBar],
        allowance: PriceAllowance?
    ) {
        self.epic = epic
        self.resolution = resolution
        self.instrumentType = instrumentType
        self.bars = bars
        self.allowance = allowance
    }
}
