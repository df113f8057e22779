import Foundation

// Checks shared by positions and working orders; each failure is an IG rejection reason.

extension DealingEngine {
    /// A rejection reason (the `reason` of a REJECTED confirm).
    struct Rejection: Error, Sendable, Hashable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The instrument of `epic` for an account at `now`, or the rejection: unknown epic, spread bet vs CFD, a
    /// contract that stopped dealing (`MARKET_ROLLED`), currency.
    func checkInstrument(
        epic: String, expiry: String, currency: String, accountId: String, now: Date
    ) -> Result<Instrument, Rejection> {
        guard let instrument = self.market.instrument(epic) else { return .failure(Rejection("INSTRUMENT_NOT_FOUND")) }
        // Sprint markets deal through /positions/sprintmarkets only.
        if instrument.isSprintMarket { return .failure(Rejection("MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT")) }
        let product = self.accounts[accountId]?.product ?? .spreadBet
        switch product {
        case .spreadBet where expiry == "-" || instrument.product == .cfd:
            return .failure(Rejection("REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT"))
        case .cfd where expiry != "-" || instrument.product == .spreadBet:
            return .failure(Rejection("REJECT_SPREADBET_ORDER_ON_CFD_ACCOUNT"))
        default:
            break
        }
        if instrument.hasRolledPast(expiry: expiry, at: now) { return .failure(Rejection("MARKET_ROLLED")) }
        guard instrument.currencies.contains(where: { $0.code == currency.uppercased() }) else {
            return .failure(Rejection("INSTRUMENT_NOT_TRADEABLE_IN_THIS_CURRENCY"))
        }
        return .success(instrument)
    }

}

extension Result {
    /// The failure, or nil.
    var failureValue: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
