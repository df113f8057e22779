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
