import Foundation

/// The dealing rules of an instrument.
public struct DealingRules: Codable, Sendable, Hashable {
    public var minStepDistance: RuleValue?
    public var minDealSize: RuleValue?
    public var minControlledRiskStopDistance: RuleValue?
    public var minNormalStopOrLimitDistance: RuleValue?
    public var maxStopOrLimitDistance: RuleValue?
    public var controlledRiskSpacing: RuleValue?
    public var marketOrderPreference: MarketOrderPreference?
    public var trailingStopsPreference: String?
}
