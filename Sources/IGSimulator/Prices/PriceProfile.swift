/// How the price engine moves one underlying market.
///
/// Several epics may share a profile `key` (a spread bet and a CFD on the same market), and then they share the
/// same price path; only their spreads may differ.
public struct PriceProfile: Sendable, Hashable {
    /// Identifies the underlying path, e.g. `EURUSD`; hashed with the seed.
    public var key: String
    /// The typical level of the market; the path wanders around it.
    public var level: Double
    /// Standard deviation of the daily log return, e.g. 0.005 for a major FX pair.
    public var dailyVolatility: Double
    /// Decimal places of a quote; the tick is 10^-decimalPlaces.
    public var decimalPlaces: Int
    /// Offer minus bid, in price units (rounded to whole ticks, at least one tick).
    public var spread: Double
    /// True for markets that trade at weekends (crypto).
    public var tradesAtWeekends: Bool
    /// Horizon in days beyond which the path stops diffusing (keeps decades of history plausible).
    public var meanReversionDays: Int

    /// Creates a profile.
    public init(
        key: String,
        level: Double,
        dailyVolatility: Double,
        decimalPlaces: Int,
        spread: Double,
        tradesAtWeekends: Bool = false,
        meanReversionDays: Int = 128
    ) {
        self.key = key
        self.level = level
        self.dailyVolatility = dailyVolatility
        self.decimalPlaces = decimalPlaces
        self.spread = spread
        self.tradesAtWeekends = tradesAtWeekends
        self.meanReversionDays = meanReversionDays
    }

    /// The price of one tick.
    public var tickSize: Double { Self.powerOfTen(-self.decimalPlaces) }

    static func powerOfTen(_ exponent: Int) -> Double {
        var value = 1.0
        if exponent >= 0 {
            for _ in 0..<exponent { value *= 10 }
        } else {
            for _ in 0..<(-exponent) { value *= 10 }
            value = 1 / value
        }
        return value
    }
}
