import Foundation

/// How the simulator's dealing engine behaves: confirm availability, duplicate detection, balances and faults.
public struct DealingConfiguration: Sendable, Hashable {
    /// How long after a deal `GET /confirms/{dealReference}` still answers 404 `error.confirms.deal-not-found`
    /// (IG's confirms appear after a short delay). Zero makes confirms readable at once.
    public var confirmNotFoundWindow: Duration
    /// How long a confirm stays readable (IG: about a minute).
    public var confirmLifetime: Duration
    /// An order identical to one of the same account within this window is rejected with
    /// `DUPLICATE_ORDER_ERROR` (IG: about one second). Zero disables the check.
    public var duplicateOrderWindow: Duration
    /// Starting cash balances by account id (defaults: 10,000 on the spread bet account, 5,000 on the CFD one).
    public var startingBalances: [String: Decimal]
    /// Faults injected after executing deals.
    public var faults: DealingFaultPlan

    /// Overnight funding at IG's daily cut-off (on by default; see ``FundingRates``).
    public var funding = FundingRates()

    /// Creates a configuration; every value has the simulator default.
    public init(
        confirmNotFoundWindow: Duration = .zero,
        confirmLifetime: Duration = .seconds(60),
        duplicateOrderWindow: Duration = .seconds(1),
        startingBalances: [String: Decimal] = [:],
        faults: DealingFaultPlan = .none
    ) {
        self.confirmNotFoundWindow = confirmNotFoundWindow
        self.confirmLifetime = confirmLifetime
        self.duplicateOrderWindow = duplicateOrderWindow
        self.startingBalances = startingBalances
        self.faults = faults
    }
}

/// The former name of ``DealingConfiguration``.
@available(*, deprecated, renamed: "DealingConfiguration")
public typealias DealingSettings = DealingConfiguration
