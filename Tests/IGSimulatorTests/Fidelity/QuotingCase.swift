import Foundation
import Testing

/// One instrument family as IG quotes it: the facts a test checks against the simulator.
struct QuotingCase: Sendable, CustomTestStringConvertible {
    /// The family, e.g. `FX spread bet`.
    var family: String
    /// An epic of the family.
    var epic: String
    /// `ZSB01` (spread bet) or `ZCF02` (CFD).
    var accountId: String
    /// `scalingFactor` in snapshots.
    var scalingFactor: Int
    /// `decimalPlacesFactor` in snapshots.
    var decimals: Int
    /// Where the level sits, in the quoted unit (e.g. EUR/USD as a spread bet near 10800, as a CFD near 1.08).
    var range: ClosedRange<Double>
    /// One point in price units.
    var point: Decimal
    /// Profit in GBP of one point on one unit of size (a £1 stake, one contract, one share).
    var gbpPerPoint: Decimal
    /// A stop distance in points that respects the minimum.
    var stopDistance: Decimal
    /// Whether `GET /prices` serves bars (IG has none for shares).
    var hasBars = true
    /// A deal size the account's funds cover (a stake, contracts or shares).
    var size: Decimal = 2

    var testDescription: String { "\(self.family) (\(self.epic))" }

    static let gbpPerUSD = Decimal(1) / Decimal(string: "1.27")!

    /// A case per family, with the values IG's captured bodies show (see `Instrument+Quoting.swift`).
    static let all: [QuotingCase] = [
        QuotingCase(
            family: "FX spread bet", epic: "CS.D.EURUSD.TODAY.IP", accountId: "ZSB01", scalingFactor: 10000,
            decimals: 1, range: 8000...14000, point: 1, gbpPerPoint: 1, stopDistance: 20),
        QuotingCase(
            family: "FX spread bet, JPY pair", epic: "CS.D.USDJPY.TODAY.IP", accountId: "ZSB01",
            scalingFactor: 100, decimals: 1, range: 10000...20000, point: 1, gbpPerPoint: 1, stopDistance: 20),
        QuotingCase(
            family: "FX mini CFD", epic: "CS.D.EURUSD.MINI.IP", accountId: "ZCF02", scalingFactor: 10000,
            decimals: 5, range: 0.8...1.4, point: Decimal(string: "0.0001")!, gbpPerPoint: gbpPerUSD,
            stopDistance: 20),
        QuotingCase(
            family: "FX standard CFD, JPY pair", epic: "CS.D.USDJPY.CFD.IP", accountId: "ZCF02", scalingFactor: 100,
            decimals: 3, range: 100...200, point: Decimal(string: "0.01")!,
            gbpPerPoint: Decimal(1000) / Decimal(string: "191.5")!, stopDistance: 20, size: 1),
        QuotingCase(
            family: "Index spread bet", epic: "IX.D.FTSE.DAILY.IP", accountId: "ZSB01", scalingFactor: 1,
            decimals: 1, range: 5000...11000, point: 1, gbpPerPoint: 1, stopDistance: 40),
        QuotingCase(
            family: "Index CFD", epic: "IX.D.FTSE.IFM.IP", accountId: "ZCF02", scalingFactor: 1, decimals: 1,
            range: 5000...11000, point: 1, gbpPerPoint: 1, stopDistance: 40),
        QuotingCase(
            family: "Index future", epic: "IX.D.DAX.MONTH1.IP", accountId: "ZSB01", scalingFactor: 1, decimals: 1,
            range: 12000...25000, point: 1, gbpPerPoint: 1, stopDistance: 40),
        QuotingCase(
            family: "Metals future", epic: "MT.D.GC.Month1.IP", accountId: "ZSB01", scalingFactor: 1, decimals: 1,
            range: 1500...3500, point: 1, gbpPerPoint: 1, stopDistance: 40),
        QuotingCase(
            family: "Spot gold", epic: "CS.D.USCGC.TODAY.IP", accountId: "ZSB01", scalingFactor: 1, decimals: 2,
            range: 1500...3500, point: 1, gbpPerPoint: 1, stopDistance: 20),
        QuotingCase(
            family: "Oil in cents", epic: "CC.D.CL.USS.IP", accountId: "ZSB01", scalingFactor: 1, decimals: 1,
            range: 5000...11000, point: 1, gbpPerPoint: 1, stopDistance: 40),
        QuotingCase(
            family: "Carbon future", epic: "CO.D.CFI.Month2.IP", accountId: "ZSB01", scalingFactor: 1, decimals: 1,
            range: 3500...12000, point: 1, gbpPerPoint: 1, stopDistance: 60),
        QuotingCase(
            family: "Rates future", epic: "IR.D.FGBL.Month1.IP", accountId: "ZSB01", scalingFactor: 1, decimals: 1,
            range: 9000...17000, point: 1, gbpPerPoint: 1, stopDistance: 40),
        QuotingCase(
            family: "US share spread bet (cents)", epic: "UA.D.AAPL.DAILY.IP", accountId: "ZSB01", scalingFactor: 1,
            decimals: 0, range: 10000...30000, point: 1, gbpPerPoint: 1, stopDistance: 40, hasBars: false),
        QuotingCase(
            family: "UK share CFD (pence)", epic: "KA.D.VOD.CASH.IP", accountId: "ZCF02", scalingFactor: 1,
            decimals: 2, range: 35...150, point: 1, gbpPerPoint: Decimal(string: "0.01")!, stopDistance: 5,
            hasBars: false, size: 100),
        QuotingCase(
            family: "Crypto spread bet", epic: "CS.D.BITCOIN.TODAY.IP", accountId: "ZSB01", scalingFactor: 1,
            decimals: 2, range: 20000...150_000, point: 1, gbpPerPoint: 1, stopDistance: 1000, size: 0.1),
    ]
}
