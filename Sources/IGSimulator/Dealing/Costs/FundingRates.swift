import Foundation

/// The overnight-funding terms of the simulator's cost model (IG's formula for daily funded bets and cash CFDs).
///
/// At each daily cut-off (10pm UK time) every open DFB spread bet and cash CFD (not dated futures) is charged
/// `size × price × (admin fee ± benchmark) ÷ divisor` for each day funded: long positions pay the admin fee plus
/// the benchmark rate of the instrument's currency, short positions pay the admin fee minus it (and receive when
/// the benchmark is larger). Size × price is the notional in account currency: stake per point × price in points
/// for spread bets, contracts × contract size × price converted at the instrument's rate for CFDs. The price is the
/// mid at the cut-off. The divisor is 365 for GBP, SGD and ZAR and 360 for other currencies. A Friday cut-off funds
/// three days for markets closed at weekends. Charges are booked as cash transactions (`WITH`, or `DEPO` for a
/// credit) and move the balance.
public struct FundingRates: Sendable, Hashable {
    /// IG's admin fee per year (3 %, the current UK figure; mini contracts too).
    public var adminFee: Decimal
    /// Benchmark interest rates per year by currency (e.g. `"GBP": 0.047` for SONIA); missing currencies use 0.
    public var benchmarks: [String: Decimal]
    /// False turns funding off.
    public var isEnabled: Bool

    /// Terms with IG's 3 % admin fee and no benchmark rates by default.
    public init(adminFee: Decimal = 0.03, benchmarks: [String: Decimal] = [:], isEnabled: Bool = true) {
        self.adminFee = adminFee
        self.benchmarks = benchmarks
        self.isEnabled = isEnabled
    }

    /// The day-count divisor of a currency.
    static func divisor(_ currency: String) -> Decimal {
        ["GBP", "SGD", "ZAR"].contains(currency.uppercased()) ? 365 : 360
    }

    /// One day's charge (positive: a cost) for a notional `notional` held `long` or short in `currency`.
    func dailyCharge(notional: Decimal, long: Bool, currency: String) -> Decimal {
        let benchmark = self.benchmarks[currency.uppercased()] ?? 0
        let rate = long ? self.adminFee + benchmark : self.adminFee - benchmark
        return notional * rate / Self.divisor(currency)
    }
}
