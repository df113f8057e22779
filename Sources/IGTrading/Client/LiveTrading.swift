import Foundation

/// The explicit opt-in that LIVE (real-money) use requires.
public enum LiveTrading: Sendable, Hashable {
    /// LIVE is refused (the default).
    case disabled
    /// The caller accepts that requests go to IG's LIVE environment and deal with real money.
    case enabled
}
