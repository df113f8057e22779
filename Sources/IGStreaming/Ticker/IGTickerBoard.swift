import Foundation
public import IGModels

/// The latest ticker of every market of a ticker subscription, as of one change.
public struct IGTickerBoard: Sendable, Hashable {
    /// The tickers by epic; a market appears after its first tick.
    public var tickers: [Epic: IGTicker]
    /// The market whose tick produced this board (`nil` for a gap).
    public var changed: Epic?
    /// Gaps signalled so far (values may have been skipped; the board still holds the latest ones).
    public var gapCount: Int
}
