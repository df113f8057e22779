import Foundation

// Account balances from the dealing engine, for `GET /accounts`, the login answer and `ACCOUNT:{accountId}`.

extension SimulatorContext {
    /// Balances for `GET /accounts` and the login's `accountInfo`, from the dealing engine.
    func balanceJSON(_ account: SimulatedAccount) -> SimulatorJSON {
        let now = self.now
        let figures = self.desk.readDealing(now: now) { $0.figures(accountId: account.accountId, now: now) }
        return [
            "balance": DealingFormat.number(figures.balance),
            "deposit": DealingFormat.number(figures.deposit),
            "profitLoss": DealingFormat.number(figures.profitLoss),
            "available": DealingFormat.number(figures.available),
        ]
    }

    /// The figures of `ACCOUNT:{accountId}`, from the dealing engine (balance, margin of open positions and their
    /// running P&L at the current price). Never call it while holding a session lock.
    func streamingAccountFigures(accountId: String) -> AccountFigures {
        let now = self.now
        let figures = self.desk.readDealing(now: now) { $0.figures(accountId: accountId, now: now) }
        func double(_ value: Decimal) -> Double { Double(DealingFormat.text(value)) ?? 0 }
        let balance = double(figures.balance)
        let margin = double(figures.deposit)
        let pnl = double(figures.profitLoss)
        let equity = balance + pnl
        return AccountFigures(
            pnl: pnl, deposit: margin, availableCash: balance - margin, pnlLimitedRisk: 0, pnlNonLimitedRisk: pnl,
            funds: balance, margin: margin, marginLimitedRisk: 0, marginNonLimitedRisk: margin,
            availableToDeal: double(figures.available), equity: equity,
            equityUsed: equity > 0 ? (margin / equity * 10_000).rounded() / 100 : 0)
    }
}
