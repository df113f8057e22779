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
