/// Which transactions a history request returns (`ALL`, `ALL_DEAL`, `DEPOSIT`, `WITHDRAWAL`).
public struct TransactionFilter: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Every transaction.
    public static let all: Self = "ALL"
    /// Deals only (no cash movements).
    public static let allDeal: Self = "ALL_DEAL"
    /// Deposits.
    public static let deposit: Self = "DEPOSIT"
    /// Withdrawals.
    public static let withdrawal: Self = "WITHDRAWAL"
}

/// The kind of a transaction as IG reports it (`DEAL`, `DEPO`, `WITH`, `DIVIDEND`, `CHART`…).
public struct TransactionType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let deal: Self = "DEAL"
    public static let deposit: Self = "DEPO"
    public static let withdrawal: Self = "WITH"
    public static let dividend: Self = "DIVIDEND"
    public static let chart: Self = "CHART"
    public static let exchange: Self = "EXCHANGE"
    public static let trade: Self = "TRADE"
}

/// Where an activity came from (v3 `channel`).
public struct ActivityChannel: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let dealer: Self = "DEALER"
    public static let mobile: Self = "MOBILE"
    public static let publicFixAPI: Self = "PUBLIC_FIX_API"
    public static let publicWebAPI: Self = "PUBLIC_WEB_API"
    public static let system: Self = "SYSTEM"
    public static let web: Self = "WEB"
}

/// What an activity was about (v3 `type`).
public struct ActivityType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let editStopAndLimit: Self = "EDIT_STOP_AND_LIMIT"
    public static let position: Self = "POSITION"
    public static let system: Self = "SYSTEM"
    public static let workingOrder: Self = "WORKING_ORDER"
}

/// The outcome of an activity (v3 `status`).
public struct ActivityStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accepted: Self = "ACCEPTED"
    public static let rejected: Self = "REJECTED"
    public static let unknown: Self = "UNKNOWN"
}

/// What an activity did to a deal (v3 `details.actions[].actionType`).
public struct ActivityActionType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let limitOrderAmended: Self = "LIMIT_ORDER_AMENDED"
    public static let limitOrderDeleted: Self = "LIMIT_ORDER_DELETED"
    public static let limitOrderFilled: Self = "LIMIT_ORDER_FILLED"
    public static let limitOrderOpened: Self = "LIMIT_ORDER_OPENED"
    public static let limitOrderRolled: Self = "LIMIT_ORDER_ROLLED"
    public static let positionClosed: Self = "POSITION_CLOSED"
    public static let positionDeleted: Self = "POSITION_DELETED"
    public static let positionOpened: Self = "POSITION_OPENED"
    public static let positionPartiallyClosed: Self = "POSITION_PARTIALLY_CLOSED"
    public static let positionRolled: Self = "POSITION_ROLLED"
    public static let stopLimitAmended: Self = "STOP_LIMIT_AMENDED"
    public static let stopOrderAmended: Self = "STOP_ORDER_AMENDED"
    public static let stopOrderDeleted: Self = "STOP_ORDER_DELETED"
    public static let stopOrderFilled: Self = "STOP_ORDER_FILLED"
    public static let stopOrderOpened: Self = "STOP_ORDER_OPENED"
    public static let stopOrderRolled: Self = "STOP_ORDER_ROLLED"
    public static let unknown: Self = "UNKNOWN"
    public static let workingOrderDeleted: Self = "WORKING_ORDER_DELETED"
}

/// The outcome of a v1/v2 activity (`actionStatus`).
public struct ActivityActionStatus: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let accept: Self = "ACCEPT"
    public static let reject: Self = "REJECT"
    public static let manual: Self = "MANUAL"
    public static let notSet: Self = "NOT_SET"
}
