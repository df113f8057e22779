import Foundation

/// How long a sprint-market position runs (IG's `expiryPeriod`).
enum SprintExpiryPeriod: String, Sendable, Hashable, CaseIterable {
    case oneMinute = "ONE_MINUTE"
    case twoMinutes = "TWO_MINUTES"
    case fiveMinutes = "FIVE_MINUTES"
    case twentyMinutes = "TWENTY_MINUTES"
    case sixtyMinutes = "SIXTY_MINUTES"

    /// The period in seconds.
    var seconds: Int {
        switch self {
        case .oneMinute: 60
        case .twoMinutes: 120
        case .fiveMinutes: 300
        case .twentyMinutes: 1200
        case .sixtyMinutes: 3600
        }
    }

    /// Payout per unit of stake when the prediction is right (stake included): longer sprints pay a little more.
    var payoutRatio: Decimal {
        switch self {
        case .oneMinute, .twoMinutes: Decimal(string: "1.8")!
        case .fiveMinutes, .twentyMinutes: Decimal(string: "1.85")!
        case .sixtyMinutes: Decimal(string: "1.9")!
        }
    }
}
