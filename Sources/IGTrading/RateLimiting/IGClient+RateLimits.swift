import Foundation
public import IGModels

extension IGClient {
    /// Allowances and the rate limiter's state.
    public var rateLimits: RateLimits { RateLimits(client: self) }

    /// The state of one request window.
    public struct WindowUsage: Sendable, Hashable {
        /// The requests this window admits per minute (the allowance less the safety margin).
        public var limit: Int
        /// Requests in flight or still counted by IG's sliding window.
        public var used: Int
        /// Requests admitted so far.
        public var granted: Int
        /// Requests that had to wait for a slot.
        public var waits: Int
        /// Time spent waiting, in all.
        public var totalWait: Duration
    }

    /// A snapshot of the allowances and their use.
    public struct RateLimitStatus: Sendable, Hashable {
        /// The allowances in force (`nil` when rate limiting is disabled).
        public var allowances: IGAllowances?
        /// Per API key, non-trading.
        public var application: WindowUsage?
        /// Per account, non-trading.
        public var account: WindowUsage?
        /// Per account, trading.
        public var trading: WindowUsage?
        /// The weekly historical-data allowance, as IG last reported it.
        public var historical: HistoricalAllowance?
    }

    /// Allowance operations of an ``IGClient``.
    public struct RateLimits: Sendable {
        let client: IGClient

        /// `GET /operations/application`: the client's API applications with their allowances.
        public func applications() async throws(IGError) -> [ClientApplication] {
            try await client.decoded([ClientApplication].self, IGRequest(.get, "/operations/application"))
        }

        /// The limiter's current view: allowances and how much of each window is used.
        public func status() async -> RateLimitStatus {
            let limits = client.pipeline.limits
            let account = await client.sessionManager.current?.accountId
            func usage(_ kind: RequestKind, index: Int) async -> WindowUsage? {
                let budgets = limits.budgets(for: kind, account: account)
                guard index < budgets.count else { return nil }
                let usage = await budgets[index].window.usage
                return WindowUsage(
                    limit: budgets[index].limit, used: usage.used, granted: usage.granted, waits: usage.waits,
                    totalWait: usage.totalWait)
            }
            return RateLimitStatus(
                allowances: limits.allowances, application: await usage(.session, index: 0),
                account: await usage(.nonTrading, index: 1), trading: await usage(.trading, index: 0),
                historical: limits.historicalAllowance(account: account))
        }
    }
}
