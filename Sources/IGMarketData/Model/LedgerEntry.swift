public import Foundation

/// One price request in the allowance ledger: what it asked for, the points it spent and what IG said remains.
public struct LedgerEntry: Sendable, Hashable, Codable {
    /// When the response arrived.
    public var at: Date
    /// The account whose allowance paid (IG's allowance is per account).
    public var account: String
    /// The epic asked for.
    public var epic: String
    /// The resolution asked for, in IG's words (`MINUTE`, `HOUR`…).
    public var resolution: String
    /// The range asked for.
    public var range: TimeRange
    /// Points spent: the bars IG served.
    public var points: Int
    /// `remainingAllowance` as IG reported it after the request, when it did.
    public var remaining: Int?
    /// `totalAllowance` as IG reported it.
    public var total: Int?
    /// When the allowance resets (the response time plus `allowanceExpiry`).
    public var resetsAt: Date?

    /// An entry from its parts.
    public init(
        at: Date, account: String, epic: String, resolution: String, range: TimeRange, points: Int, remaining: Int?,
        total: Int?, resetsAt: Date?
    ) {
        self.at = at
        self.account = account
        self.epic = epic
        self.resolution = resolution
        self.range = range
        self.points = points
        self.remaining = remaining
        self.total = total
        self.resetsAt = resetsAt
    }
}
