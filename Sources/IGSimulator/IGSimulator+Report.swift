import Foundation

extension IGSimulator {
    /// The run report of an account (the spread bet account by default) at the simulator's current time: trades,
    /// P&L, fees, maximum drawdown, exposure and the equity curve; nil for an unknown account.
    public func report(accountId: String = IGSimulator.spreadBetAccountId) async -> RunReport? {
        self.core.testControls.report(accountId: accountId)
    }
}
