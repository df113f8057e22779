import Foundation

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
