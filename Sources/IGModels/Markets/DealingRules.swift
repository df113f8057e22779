import Foundation

/// The dealing rules of an instrument.
public struct DealingRules: Codable, Sendable, Hashable {
    /// The smallest distance between levels.
    public var minStepDistance: RuleValue?
    /// The smallest deal size.
    public var minDealSize: RuleValue?
    /// The smallest guaranteed-stop distance.
    public var minControlledRiskStopDistance: RuleValue?
    /// The smallest stop or limit distance.
    public var minNormalStopOrLimitDistance: RuleValue?
    /// The largest stop or limit distance.
    public var maxStopOrLimitDistance: RuleValue?
    /// The guaranteed-stop spacing.
    public var controlledRiskSpacing: RuleValue?
    /// Whether market orders are available.
    public var marketOrderPreference: MarketOrderPreference?
    /// Whether trailing stops are available.
    public var trailingStopsPreference: String?
}
