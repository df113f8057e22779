import Foundation
import IGModels

extension SyncReport {
    /// Adds what a fetch committed: its bars (a point each) and its requests, and the allowance IG reported with its
    /// last page (at `now`), so that a run stopped part-way through a unit says what remains after that page.
    mutating func count(_ outcome: FetchOutcome, now: Date) {
        bars += outcome.bars
        points += outcome.bars
        requests += outcome.requests
        if let allowance = outcome.allowance { record(allowance, now: now) }
    }

    /// Keeps the allowance IG reported at `now`: what remains, when it resets and the whole of it.
    mutating func record(_ allowance: PriceAllowance, now: Date) {
        remaining = allowance.remainingAllowance
        resetsAt = now.addingTimeInterval(TimeInterval(allowance.allowanceExpiry))
        total = allowance.totalAllowance
    }
}
