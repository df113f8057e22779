import Foundation

// How IG quotes each family, and where each fact comes from (captured IG bodies in public repositories):
//
// - Spread-bet FX (`CS.D.<PAIR>.TODAY.IP`, expiry DFB): levels in points, the raw rate × 10000 (× 100 for JPY
//   pairs), one decimal; `scalingFactor` 10000 (100), `decimalPlacesFactor` 1. Evidence: users' code against IG
//   keeps a multiplier of 10000 per pair and 100 for USD/JPY (an IG epic table with `"multiplier": 100` for
//   `CS.D.USDJPY.TODAY.IP`), positions' market blocks carry `"scalingFactor": 10000` for `CS.D.GBPUSD.TODAY.IP`;
//   the issue quotes GBP/USD at 13172.8 / 13173.7.
// - CFD FX minis (`CS.D.<PAIR>.MINI.IP`, expiry `-`): the raw rate with 5 decimals (3 for JPY), `scalingFactor`
//   10000 (100), one point = 0.0001 (0.01), `contractSize` "10000", `valueOfOnePip` "1.00" in the quote
//   currency, `onePipMeans` "0.0001 USD/EUR", min stop 2 POINTS. Evidence: a captured DEMO body of
//   `CS.D.EURUSD.MINI.IP` kept in a Swift IG client's API tests (bid 1.11924, offer 1.1193, decimalPlacesFactor
//   5, scalingFactor 10000, contractSize 10000, unit CONTRACTS).
// - Indices (`IX.D.*`): index points, one decimal, `scalingFactor` 1; CFD cash indices move one unit of the
//   index currency per point per contract. Evidence: trading-ig `tests/data/positions_v2.json` and users'
//   fixtures (FTSE 100 at 7015.2, US 500 CFD with scalingFactor 1).
// - Metals futures (`MT.D.<X>.Month1/2.IP`): dollars, one decimal, `scalingFactor` 1. Evidence: trading-ig
//   `tests/data/positions_v2.json` (MT.D.*.Month1.IP at 1865.3 and 17000.0, scalingFactor 1).
// - Carbon and softs futures (`CO.D.*`): quoted × 100 (cents of the contract currency), one decimal, no
//   `valueOfOnePip`, min deal 0.25, min stop 10 POINTS. Evidence: trading-ig `tests/data/markets_epic.json`
//   (`CO.D.CFI.Month2.IP`, bid 8933.0, decimalPlacesFactor 1, scalingFactor 1).
// - Spot gold (`CS.D.USCGC.TODAY.IP`): dollars, two decimals, `scalingFactor` 1. Evidence: a captured position's
//   market block in an ember client (bid 1340.74, scalingFactor 1).
// - Oil and energies (`CC.D.CL.USS.IP`, `EN.D.*`): cents (the dollar price × 100), one decimal. Evidence: users'
//   tests of IG clients hold `CC.D.CL.USS.IP` positions opened at 9260.1 with a stop at 9125.6 and hourly bars
//   at 8800.0.
// - US shares (`UA.D.*`, `UB.D.*`, `UC.D.*`, `UD.D.*`): whole cents (no decimal), so a CFD moves $0.01 per share
//   per point. Evidence: captured bodies in the Perl module Finance::IG (CPAN) show `UC.D.REGN.DAILY.IP` with bid
//   and offer 60261, high 61455, low 59886, scalingFactor 1, and deals at 6123 and 24142; an IG CLI's README lists
//   `UA.D.AAPL.DAILY.IP` positions opened at 13664.00 and 12234.00.
//   UK shares (`KA.D.*`): pence, £0.01 per share per point for a CFD. Evidence: the same module's captured
//   activity deals `KA.D.FSTA.DAILY.IP` at 779.9 and 726.2.
// - Crypto (`CS.D.BITCOIN.TODAY.IP`): dollars with two decimals, `scalingFactor` 1. Evidence: a watchlist body in
//   users' tests (Bitcoin DFB bid 3129.72).
// - Rates futures (`IR.D.*`): the bond price × 100, one decimal. Evidence: a captured confirm in a pysystemtrade
//   fork for IG (`IR.D.FGBL.Month1.IP`, expiry SEP-23, level 13301.0 in July 2023, the Bund at 133.01).
// - Sprint markets (`FM.D.*`): the underlying's level and convention.

extension PriceProfile {
    /// The same underlying quoted in another unit: levels and spread × `factor`, `decimalPlaces` decimals.
    ///
    /// The path keeps its key, so the points path of a spread bet follows the raw path of its CFD (when `factor`
    /// is a power of ten matching the change in decimals the tick paths are identical).
    func quoted(times factor: Double, decimalPlaces: Int) -> PriceProfile {
        var profile = self
        profile.level = self.level * factor
        profile.spread = self.spread * factor
        profile.decimalPlaces = decimalPlaces
        return profile
    }
}

extension Instrument {
    /// FX pip position: 4 (one pip is 0.0001) or 2 for JPY-quoted pairs.
    static func pipDecimals(quote: String) -> Int { quote == "JPY" ? 2 : 4 }

}
