/// Per-account preferences that outlive sessions: which account a login lands on, and the trailing-stop
/// preference each account set.
final class AccountPreferences: Sendable {
    private struct State: Sendable {
        var preferredAccountId: String
        var trailingStopsEnabled: [String: Bool] = [:]
    }

    private let state: Locked<State>

    init(preferredAccountId: String) {
        self.state = Locked(State(preferredAccountId: preferredAccountId))
    }

    /// The account a new login lands on.
    var preferredAccountId: String {
        get { self.state.withLock { $0.preferredAccountId } }
        set { self.state.withLock { $0.preferredAccountId = newValue } }
    }

    /// The account's trailing-stop preference when it was set explicitly (nil = never set).
    func trailingStops(_ accountId: String) -> Bool? {
        self.state.withLock { $0.trailingStopsEnabled[accountId] }
    }

    /// Sets the account's trailing-stop preference.
    func setTrailingStops(_ enabled: Bool, accountId: String) {
        self.state.withLock { $0.trailingStopsEnabled[accountId] = enabled }
    }
}
