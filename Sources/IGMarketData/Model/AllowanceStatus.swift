public import Foundation

/// What the ledger says about one account's weekly allowance.
public struct AllowanceStatus: Sendable, Hashable, Codable {
    /// The account whose allowance this is (IG counts historical points per account).
    public var account: String
    /// Points spent by recorded requests since `since`.
    public var spent: Int
    /// Requests recorded since `since`.
    public var requests: Int
    /// The last remaining allowance IG reported (nil when no request reported one).
    public var remaining: Int?
    /// The weekly allowance IG last reported (nil when no request reported one).
    public var total: Int?
    /// When IG said the allowance resets (nil when unknown).
    public var resetsAt: Date?

    /// A status from its parts.
    public init(account: String, spent: Int, requests: Int, remaining: Int?, total: Int?, resetsAt: Date?) {
        self.account = account
        self.spent = spent
        self.requests = requests
        self.remaining = remaining
        self.total = total
        self.resetsAt = resetsAt
    }
}
