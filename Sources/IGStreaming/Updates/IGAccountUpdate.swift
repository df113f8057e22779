public import Foundation
public import IGModels

/// One update of an `ACCOUNT:{accountId}` item.
public struct IGAccountUpdate: Sendable, Hashable {
    /// The account.
    public var accountId: AccountId
    /// `PNL`: profit and loss.
    public var profitAndLoss: Decimal?
    /// `DEPOSIT`: the deposit required for margins.
    public var deposit: Decimal?
    /// `AVAILABLE_CASH`.
    public var availableCash: Decimal?
    /// `PNL_LR`: profit and loss of limited-risk positions.
    public var profitAndLossLimitedRisk: Decimal?
    /// `PNL_NLR`: profit and loss of non-limited-risk positions.
    public var profitAndLossNonLimitedRisk: Decimal?
    /// `FUNDS`.
    public var funds: Decimal?
    /// `MARGIN`.
    public var margin: Decimal?
    /// `MARGIN_LR`.
    public var marginLimitedRisk: Decimal?
    /// `MARGIN_NLR`.
    public var marginNonLimitedRisk: Decimal?
    /// `AVAILABLE_TO_DEAL`.
    public var availableToDeal: Decimal?
    /// `EQUITY`.
    public var equity: Decimal?
    /// `EQUITY_USED`.
    public var equityUsed: Decimal?
    /// The fields whose value changed with this update.
    public var changedFields: Set<String>
    /// Whether this is the item's snapshot.
    public var isSnapshot: Bool
}
