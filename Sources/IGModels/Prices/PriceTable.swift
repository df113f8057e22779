public import Foundation

/// Historical prices as a table: per bar bid, ask and last-traded OHLC, volume, and derived mid and spread.
///
/// The three layouts trading-ig users know are available as views (``view(_:)``), each exportable as CSV or JSON.
/// Volume is kept per bar: a bar without volume has `nil`, whatever the other bars carry.
public struct PriceTable: Codable, Sendable, Hashable {
    /// Open, high, low and close of one side of the book.
    public struct OHLC: Codable, Sendable, Hashable {
        /// Opening price.
        public var open: Decimal?
        /// Highest price.
        public var high: Decimal?
        /// Lowest price.
        public var low: Decimal?
        /// Closing price.
        public var close: Decimal?

        /// Creates the four prices of a bar.
        public init(open: Decimal?, high: Decimal?, low: Decimal?, close: Decimal?) {
            self.open = open
            self.high = high
            self.low = low
            self.close = close
        }

        /// The four values in OHLC order.
        public var values: [Decimal?] { [open, high, low, close] }

        /// Whether any of the four values is known.
        public var hasValues: Bool { open != nil || high != nil || low != nil || close != nil }
    }

    /// One bar.
    public struct Row: Codable, Sendable, Hashable {
        /// Start of the bar, UTC.
        public var time: Date
        /// Bid prices.
        public var bid: OHLC
        /// Offer prices.
        public var ask: OHLC
        /// Last traded prices (exchange-traded markets only; `nil` values otherwise).
        public var lastTraded: OHLC
        /// Traded volume of this bar, when IG reported one.
        public var volume: Decimal?

        /// Creates a row.
        public init(time: Date, bid: OHLC, ask: OHLC, lastTraded: OHLC, volume: Decimal?) {
            self.time = time
            self.bid = bid
            self.ask = ask
            self.lastTraded = lastTraded
            self.volume = volume
        }

        /// The middle of bid and ask for each of open, high, low and close.
        public var mid: OHLC {
            func middle(_ bid: Decimal?, _ ask: Decimal?) -> Decimal? {
                guard let bid, let ask else { return nil }
                return DecimalBits.middle(bid, ask) ?? (bid + ask) / 2
            }
            return OHLC(
                open: middle(bid.open, ask.open), high: middle(bid.high, ask.high), low: middle(bid.low, ask.low),
                close: middle(bid.close, ask.close))
        }

        /// Ask minus bid at the close.
        public var spread: Decimal? {
            guard let bid = bid.close, let ask = ask.close else { return nil }
            return ask - bid
        }
    }

    /// The layouts of trading-ig's price formatters.
    public enum Layout: String, Codable, Sendable, CaseIterable {
        /// `format_prices`: `bid`, `ask` and (when any bar has last-traded data or volume) `last` blocks of
        /// `Open, High, Low, Close`, plus `last.Volume`.
        case nested
        /// `flat_prices`: `openPrice.bid, openPrice.ask, closePrice…, highPrice…, lowPrice…, lastTradedVolume`.
        case flat
        /// `mid_prices`: mid `Open, High, Low, Close` and `Volume`.
        case mid
    }

    /// The market, when known.
    public var epic: Epic?
    /// The bars' resolution, when known.
    public var resolution: Resolution?
    /// The instrument's type, when known.
    public var instrumentType: InstrumentType?
    /// The historical-data allowance IG reported with the prices.
    public var allowance: PriceAllowance?
    /// Bars, oldest first.
    public var rows: [Row]

    /// Creates a table from rows, oldest first.
    public init(
        rows: [Row], epic: Epic? = nil, resolution: Resolution? = nil, instrumentType: InstrumentType? = nil,
        allowance: PriceAllowance? = nil
    ) {
        self.rows = rows
        self.epic = epic
        self.resolution = resolution
        self.instrumentType = instrumentType
        self.allowance = allowance
    }

    /// The table of a typed price series.
    public init(_ prices: HistoricalPrices) {
        self.init(
            rows: prices.bars.map(Row.init), epic: prices.epic, resolution: prices.resolution,
            instrumentType: prices.instrumentType, allowance: prices.allowance)
    }

    /// Whether any bar carries last-traded prices or a volume.
    public var hasLastTraded: Bool { rows.contains { $0.lastTraded.hasValues || $0.volume != nil } }

    /// The table in one of trading-ig's layouts.
    public func view(_ layout: Layout) -> PriceTableView {
        let columns: [String]
        let values: [[Decimal?]]
        let ohlc = ["Open", "High", "Low", "Close"]
        switch layout {
        case .nested:
            let withLast = hasLastTraded
            columns =
                ohlc.map { "bid.\($0)" } + ohlc.map { "ask.\($0)" }
                + (withLast ? ohlc.map { "last.\($0)" } + ["last.Volume"] : [])
            values = rows.map { row in
                row.bid.values + row.ask.values + (withLast ? row.lastTraded.values + [row.volume] : [])
            }
        case .flat:
            columns = [
                "openPrice.bid", "openPrice.ask", "closePrice.bid", "closePrice.ask", "highPrice.bid", "highPrice.ask",
                "lowPrice.bid", "lowPrice.ask", "lastTradedVolume",
            ]
            values = rows.map { row in
                [
                    row.bid.open, row.ask.open, row.bid.close, row.ask.close, row.bid.high, row.ask.high, row.bid.low,
                    row.ask.low, row.volume,
                ]
            }
        case .mid:
            columns = ohlc + ["Volume"]
            values = rows.map { $0.mid.values + [$0.volume] }
        }
        return PriceTableView(layout: layout, columns: columns, times: rows.map(\.time), values: values)
    }
}

extension PriceTable.Row {
    /// The row of a typed bar.
    public init(_ bar: PriceBar) {
        self.init(
            time: bar.time,
            bid: .init(open: bar.open.bid, high: bar.high.bid, low: bar.low.bid, close: bar.close.bid),
            ask: .init(open: bar.open.ask, high: bar.high.ask, low: bar.low.ask, close: bar.close.ask),
            lastTraded: .init(
                open: bar.open.lastTraded, high: bar.high.lastTraded, low: bar.low.lastTraded,
                close: bar.close.lastTraded),
            volume: bar.volume)
    }
}
