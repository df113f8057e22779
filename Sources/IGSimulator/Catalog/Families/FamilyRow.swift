/// One row of a compact catalog table: a market's epic stem, name and how its price moves, in IG's quoted unit.
struct FamilyRow: Sendable {
    /// Epic stem, e.g. `AUDCAD`, `HANGSENG`, `GC`.
    var stem: String
    /// Instrument name, e.g. `AUD/CAD`.
    var name: String
    /// Typical level in the quoted unit.
    var level: Double
    /// Daily volatility (standard deviation of the daily log return).
    var volatility: Double
    /// Decimal places of the quote.
    var decimals: Int
    /// Offer minus bid in the quoted unit.
    var spread: Double
    /// Leaf navigation node.
    var node: String
    /// Quote currency.
    var currency: String
    /// Country code, or nil.
    var country: String?
    /// Dated contracts listed (futures), or 0.
    var months: Int

    init(
        _ stem: String, _ name: String, _ level: Double, _ volatility: Double, _ decimals: Int, _ spread: Double,
        node: String, currency: String = "USD", country: String? = nil, months: Int = 0
    ) {
        self.stem = stem
        self.name = name
        self.level = level
        self.volatility = volatility
        self.decimals = decimals
        self.spread = spread
        self.node = node
        self.currency = currency
        self.country = country
        self.months = months
    }

    /// The price profile of this row under `key`.
    func profile(key: String? = nil, tradesAtWeekends: Bool = false) -> PriceProfile {
        PriceProfile(
            key: key ?? self.stem, level: self.level, dailyVolatility: self.volatility, decimalPlaces: self.decimals,
            spread: self.spread, tradesAtWeekends: tradesAtWeekends, meanReversionDays: tradesAtWeekends ? 64 : 128)
    }
}
