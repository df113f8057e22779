/// Which transactions a history request returns (`ALL`, `ALL_DEAL`, `DEPOSIT`, `WITHDRAWAL`).
public struct TransactionFilter: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
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
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A deal (`DEAL`).
    public static let deal: Self = "DEAL"
    /// `DEPO`: a deposit.
    public static let deposit: Self = "DEPO"
    /// `WITH`: a withdrawal.
    public static let withdrawal: Self = "WITH"
    /// A dividend (`DIVIDEND`).
    public static let dividend: Self = "DIVIDEND"
    /// A chart (`CHART`).
    public static let chart: Self = "CHART"
    /// An exchange (`EXCHANGE`).
    public static let exchange: Self = "EXCHANGE"
    /// A trade (`TRADE`).
    public static let trade: Self = "TRADE"
}

/// Where an activity came from (v3 `channel`).
public struct ActivityChannel: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Done by an IG dealer (`DEALER`).
    public static let dealer: Self = "DEALER"
    /// From IG's mobile apps (`MOBILE`).
    public static let mobile: Self = "MOBILE"
    /// From the FIX API (`PUBLIC_FIX_API`).
    public static let publicFixAPI: Self = "PUBLIC_FIX_API"
    /// From the REST API (`PUBLIC_WEB_API`).
    public static let publicWebAPI: Self = "PUBLIC_WEB_API"
    /// Done by IG's systems, e.g. a triggered stop (`SYSTEM`).
    public static let system: Self = "SYSTEM"
    /// From IG's web platform (`WEB`).
    public static let web: Self = "WEB"
}

/// What an activity was about (v3 `type`).
public struct ActivityType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A stop or limit was changed (`EDIT_STOP_AND_LIMIT`).
    public static let editStopAndLimit: Self = "EDIT_STOP_AND_LIMIT"
    /// A position was opened, changed or closed (`POSITION`).
    public static let position: Self = "POSITION"
    /// A system action (`SYSTEM`).
    public static let system: Self = "SYSTEM"
    /// A working order was placed, changed or deleted (`WORKING_ORDER`).
    public static let workingOrder: Self = "WORKING_ORDER"
}

/// The outcome of an activity (v3 `status`).
public struct ActivityStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// IG accepted it (`ACCEPTED`).
    public static let accepted: Self = "ACCEPTED"
    /// IG rejected it (`REJECTED`).
    public static let rejected: Self = "REJECTED"
    /// The outcome is not known (`UNKNOWN`).
    public static let unknown: Self = "UNKNOWN"
}

/// What an activity did to a deal (v3 `details.actions[].actionType`).
public struct ActivityActionType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Limit order amended (`LIMIT_ORDER_AMENDED`).
    public static let limitOrderAmended: Self = "LIMIT_ORDER_AMENDED"
    /// Limit order deleted (`LIMIT_ORDER_DELETED`).
    public static let limitOrderDeleted: Self = "LIMIT_ORDER_DELETED"
    /// Limit order filled (`LIMIT_ORDER_FILLED`).
    public static let limitOrderFilled: Self = "LIMIT_ORDER_FILLED"
    /// Limit order opened (`LIMIT_ORDER_OPENED`).
    public static let limitOrderOpened: Self = "LIMIT_ORDER_OPENED"
    /// Limit order rolled (`LIMIT_ORDER_ROLLED`).
    public static let limitOrderRolled: Self = "LIMIT_ORDER_ROLLED"
    /// Position closed (`POSITION_CLOSED`).
    public static let positionClosed: Self = "POSITION_CLOSED"
    /// Position deleted (`POSITION_DELETED`).
    public static let positionDeleted: Self = "POSITION_DELETED"
    /// Position opened (`POSITION_OPENED`).
    public static let positionOpened: Self = "POSITION_OPENED"
    /// Position partially closed (`POSITION_PARTIALLY_CLOSED`).
    public static let positionPartiallyClosed: Self = "POSITION_PARTIALLY_CLOSED"
    /// Position rolled (`POSITION_ROLLED`).
    public static let positionRolled: Self = "POSITION_ROLLED"
    /// Stop limit amended (`STOP_LIMIT_AMENDED`).
    public static let stopLimitAmended: Self = "STOP_LIMIT_AMENDED"
    /// Stop order amended (`STOP_ORDER_AMENDED`).
    public static let stopOrderAmended: Self = "STOP_ORDER_AMENDED"
    /// Stop order deleted (`STOP_ORDER_DELETED`).
    public static let stopOrderDeleted: Self = "STOP_ORDER_DELETED"
    /// Stop order filled (`STOP_ORDER_FILLED`).
    public static let stopOrderFilled: Self = "STOP_ORDER_FILLED"
    /// Stop order opened (`STOP_ORDER_OPENED`).
    public static let stopOrderOpened: Self = "STOP_ORDER_OPENED"
    /// Stop order rolled (`STOP_ORDER_ROLLED`).
    public static let stopOrderRolled: Self = "STOP_ORDER_ROLLED"
    /// Unknown (`UNKNOWN`).
    public static let unknown: Self = "UNKNOWN"
    /// Working order deleted (`WORKING_ORDER_DELETED`).
    public static let workingOrderDeleted: Self = "WORKING_ORDER_DELETED"
}

/// The outcome of a v1/v2 activity (`actionStatus`).
public struct ActivityActionStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Accept (`ACCEPT`).
    public static let accept: Self = "ACCEPT"
    /// Reject (`REJECT`).
    public static let reject: Self = "REJECT"
    /// Manual (`MANUAL`).
    public static let manual: Self = "MANUAL"
    /// Not set (`NOT_SET`).
    public static let notSet: Self = "NOT_SET"
}
