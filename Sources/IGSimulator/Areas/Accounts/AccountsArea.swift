/// `/accounts`: the accounts with balances and the per-account preferences.
struct AccountsArea: SimulatorArea {
    let context: SimulatorContext
    /// Preferred account and trailing stops, shared with the sessions and dealing areas.
    let preferences: AccountPreferences

    init(context: SimulatorContext) {
        self.context = context
        self.preferences = AccountPreferences(preferredAccountId: context.accounts[0].accountId)
    }

    func register(into table: inout RouteTable) {
        table.add([
            Route("GET", "accounts") { try self.listAccounts($0) },
            Route("GET", "accounts/preferences") { try self.readPreferences($0) },
            Route("PUT", "accounts/preferences") { try self.updatePreferences($0) },
        ])
    }
}
