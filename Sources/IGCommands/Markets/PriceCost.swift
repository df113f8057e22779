import Foundation
import IGModels
import IGTrading

/// What a price request costs in IG's weekly historical allowance, and the check made before sending it.
enum PriceCost {
    /// Bars per page when a history is fetched in pages (with a progress bar).
    static let pageSize = 500
    /// Above this many points, the remaining allowance is checked before sending.
    static let checkAbove = 50

    /// The most points the request can cost: one per bar of the range at the resolution (weekends and closed
    /// hours make the real cost lower), or `max` for the last bars.
    static func points(resolution: Resolution, range: (from: Date, to: Date)?, max: Int) -> Int {
        guard let range else { return max }
        return Int((range.to.timeIntervalSince(range.from) / Double(resolution.seconds)).rounded(.up)) + 1
    }

    /// Refuses a request that may cost more points than remain this week. IG reports the allowance only with
    /// prices, so for a request above ``checkAbove`` points one bar is fetched first to learn it (by `probe` when
    /// given: a store records it in its ledger); returns the points that spent. `storing` says a store keeps what is
    /// fetched; without one, the refusal's hint offers it.
    @discardableResult
    static func check(
        _ cost: Int, epic: Epic, resolution: Resolution, client: IGClient, storing: Bool = false,
        probe: (() async throws -> Int)? = nil
    ) async throws -> Int {
        guard cost > checkAbove else { return 0 }
        Console.note("Checking the historical allowance first (a one-point request)…")
        let spent: Int
        if let probe {
            spent = try await probe()
        } else {
            spent = try await client.prices.history(epic: epic, resolution: resolution, max: 1).bars.count
        }
        guard let historical = await client.rateLimits.status().historical, cost > historical.remaining else {
            return spent
        }
        throw IGError(
            code: .allowanceExhausted, operation: "GET /prices/{epic}", errorCode: .exceededHistoricalDataAllowance,
            detail: "this request may cost up to \(cost) historical points, and \(historical.remaining) of "
                + "\(historical.total) remain until \(ChartScale.fullTime(historical.resetsAt)) UTC",
            hint: "Ask for fewer bars (a shorter range or a coarser resolution), wait for the reset, or send it "
                + "anyway with --force (closed hours make the real cost lower than this bound)."
                + (storing
                    ? ""
                    : " Give --store (or set IG_STORE) to keep what you fetch: asked again, a stored bar costs "
                        + "nothing."))
    }
}
