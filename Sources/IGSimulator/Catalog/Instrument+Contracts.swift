import Foundation

// Dated contracts follow the clock: the expiry an epic names at a time, and its last dealing time.

extension Instrument.ExpiryDetails {
    /// IG's expiry details of a contract under the simulator's convention (see `FutureMonth`).
    static func contract(_ month: FutureMonth) -> Instrument.ExpiryDetails {
        Instrument.ExpiryDetails(
            lastDealingDate: FutureMonth.stamp(month.lastDealing),
            settlementInfo: "Settles based on the official settlement price of the underlying future on the "
                + "last dealing day +/- IG dealing spread.",
            lastRolloverTime: FutureMonth.stamp(month.lastRollover),
            rolloverInfo: "Usually, the position is closed at the official closing level of the day before the "
                + "last dealing day and a position in the next contract is opened at the same time.")
    }
}

extension Instrument {
    /// True for a dated contract (an epic that rolls from one contract to the next).
    var isDated: Bool { self.contractCycle != nil }

    /// This instrument as it stands at `now`: a dated epic names the contract its cycle gives then (expiry label
    /// and expiry details); an undated one is unchanged.
    func dated(at now: Date) -> Instrument {
        guard let cycle = self.contractCycle else { return self }
        let month = cycle.contract(at: now)
        var rolled = self
        rolled.expiry = month.expiry
        rolled.expiryDetails = .contract(month)
        return rolled
    }

    /// The last dealing time of the contract this epic names at `now`, nil for undated markets.
    func lastDealing(at now: Date) -> Date? {
        self.contractCycle.map { $0.contract(at: now).lastDealing }
    }

    /// The last dealing time of the contract a deal on this epic with `expiry` is in at `now`: the contract the
    /// label names when it is one still dealing, else the one the epic names; nil for undated markets.
    func contractLastDealing(expiry: String, at now: Date) -> Date? {
        guard let current = self.lastDealing(at: now) else { return nil }
        guard let named = FutureMonth(expiry: expiry), named.lastDealing > now else { return current }
        return named.lastDealing
    }

    /// True when `expiry` names a contract of this epic that stopped dealing before `now` (IG answers a deal on it
    /// with `MARKET_ROLLED`).
    func hasRolledPast(expiry: String, at now: Date) -> Bool {
        guard let cycle = self.contractCycle, let named = FutureMonth(expiry: expiry) else { return false }
        let current = cycle.contract(at: now)
        return (named.year, named.month) < (current.year, current.month) && named.lastDealing <= now
    }
}
