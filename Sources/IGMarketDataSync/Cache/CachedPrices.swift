public import IGModels

/// A price table served by a ``PriceCache``, with where its bars came from and what they cost.
public struct CachedPrices: Sendable, Hashable {
    /// The bars IG would have sent for the request, oldest first. Its `epic` is the spelling the cache used: the one
    /// the store holds when the request named the epic in another letter case.
    public var table: PriceTable
    /// Bars served from the store.
    public var fromStore: Int
    /// Bars fetched from IG by this request (stored, except the bar still forming).
    public var fetched: Int
    /// Historical-data points this request spent.
    public var pointsSpent: Int
    /// Price requests sent to IG (pages included).
    public var requests: Int
    /// Bars built from stored finer bars (``PriceCache/derivesCoarserBars``), neither fetched nor stored.
    public var derived: Int

    /// A result from its parts.
    public init(
        table: PriceTable, fromStore: Int, fetched: Int, pointsSpent: Int, requests: Int, derived: Int = 0
    ) {
        self.table = table
        self.fromStore = fromStore
        self.fetched = fetched
        self.pointsSpent = pointsSpent
        self.requests = requests
        self.derived = derived
    }
}
