/// Why IG accepted (`SUCCESS`) or rejected a deal. Unknown values decode as themselves.
public struct DealReason: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let success: Self = "SUCCESS"
    public static let attachedOrderLevelError: Self = "ATTACHED_ORDER_LEVEL_ERROR"
    public static let duplicateOrderError: Self = "DUPLICATE_ORDER_ERROR"
    public static let goodTillDateInThePast: Self = "GOOD_TILL_DATE_IN_THE_PAST"
    public static let instrumentNotFound: Self = "INSTRUMENT_NOT_FOUND"
    public static let instrumentNotTradeableInThisCurrency: Self = "INSTRUMENT_NOT_TRADEABLE_IN_THIS_CURRENCY"
    public static let insufficientFunds: Self = "INSUFFICIENT_FUNDS"
    public static let levelToleranceError: Self = "LEVEL_TOLERANCE_ERROR"
    public static let limitOrderWrongSideOfMarket: Self = "LIMIT_ORDER_WRONG_SIDE_OF_MARKET"
    public static let marketClosed: Self = "MARKET_CLOSED"
    public static let marketClosedWithEdits: Self = "MARKET_CLOSED_WITH_EDITS"
    public static let marketOrdersNotAllowedOnInstrument: Self = "MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT"
    public static let minimumOrderSizeError: Self = "MINIMUM_ORDER_SIZE_ERROR"
    public static let orderNotFound: Self = "ORDER_NOT_FOUND"
    public static let positionNotAvailableToClose: Self = "POSITION_NOT_AVAILABLE_TO_CLOSE"
    public static let positionNotFound: Self = "POSITION_NOT_FOUND"
    public static let rejectCFDOrderOnSpreadBetAccount: Self = "REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT"
    public static let rejectSpreadBetOrderOnCFDAccount: Self = "REJECT_SPREADBET_ORDER_ON_CFD_ACCOUNT"
    public static let sizeIncrement: Self = "SIZE_INCREMENT"
    public static let stopRequiredError: Self = "STOP_REQUIRED_ERROR"
    public static let trailingStopNotAllowed: Self = "TRAILING_STOP_NOT_ALLOWED"
    public static let wrongSideOfMarket: Self = "WRONG_SIDE_OF_MARKET"
    public static let unknown: Self = "UNKNOWN"
}
