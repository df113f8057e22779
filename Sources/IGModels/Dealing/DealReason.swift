/// Why IG accepted (`SUCCESS`) or rejected a deal. Unknown values decode as themselves.
public struct DealReason: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The deal succeeded (`SUCCESS`).
    public static let success: Self = "SUCCESS"
    /// Rejected: attached order level error (`ATTACHED_ORDER_LEVEL_ERROR`).
    public static let attachedOrderLevelError: Self = "ATTACHED_ORDER_LEVEL_ERROR"
    /// Rejected: duplicate order error (`DUPLICATE_ORDER_ERROR`).
    public static let duplicateOrderError: Self = "DUPLICATE_ORDER_ERROR"
    /// Rejected: good till date in the past (`GOOD_TILL_DATE_IN_THE_PAST`).
    public static let goodTillDateInThePast: Self = "GOOD_TILL_DATE_IN_THE_PAST"
    /// Rejected: instrument not found (`INSTRUMENT_NOT_FOUND`).
    public static let instrumentNotFound: Self = "INSTRUMENT_NOT_FOUND"
    /// Rejected: instrument not tradeable in this currency (`INSTRUMENT_NOT_TRADEABLE_IN_THIS_CURRENCY`).
    public static let instrumentNotTradeableInThisCurrency: Self = "INSTRUMENT_NOT_TRADEABLE_IN_THIS_CURRENCY"
    /// Rejected: insufficient funds (`INSUFFICIENT_FUNDS`).
    public static let insufficientFunds: Self = "INSUFFICIENT_FUNDS"
    /// Rejected: level tolerance error (`LEVEL_TOLERANCE_ERROR`).
    public static let levelToleranceError: Self = "LEVEL_TOLERANCE_ERROR"
    /// Rejected: limit order wrong side of market (`LIMIT_ORDER_WRONG_SIDE_OF_MARKET`).
    public static let limitOrderWrongSideOfMarket: Self = "LIMIT_ORDER_WRONG_SIDE_OF_MARKET"
    /// Rejected: market closed (`MARKET_CLOSED`).
    public static let marketClosed: Self = "MARKET_CLOSED"
    /// Rejected: market closed with edits (`MARKET_CLOSED_WITH_EDITS`).
    public static let marketClosedWithEdits: Self = "MARKET_CLOSED_WITH_EDITS"
    /// Rejected: market orders not allowed on instrument (`MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT`).
    public static let marketOrdersNotAllowedOnInstrument: Self = "MARKET_ORDERS_NOT_ALLOWED_ON_INSTRUMENT"
    /// Rejected: minimum order size error (`MINIMUM_ORDER_SIZE_ERROR`).
    public static let minimumOrderSizeError: Self = "MINIMUM_ORDER_SIZE_ERROR"
    /// Rejected: order not found (`ORDER_NOT_FOUND`).
    public static let orderNotFound: Self = "ORDER_NOT_FOUND"
    /// Rejected: position not available to close (`POSITION_NOT_AVAILABLE_TO_CLOSE`).
    public static let positionNotAvailableToClose: Self = "POSITION_NOT_AVAILABLE_TO_CLOSE"
    /// Rejected: position not found (`POSITION_NOT_FOUND`).
    public static let positionNotFound: Self = "POSITION_NOT_FOUND"
    /// Rejected: a CFD order on a spread-bet account (`REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT`).
    public static let rejectCFDOrderOnSpreadBetAccount: Self = "REJECT_CFD_ORDER_ON_SPREADBET_ACCOUNT"
    /// Rejected: a spread-bet order on a CFD account (`REJECT_SPREADBET_ORDER_ON_CFD_ACCOUNT`).
    public static let rejectSpreadBetOrderOnCFDAccount: Self = "REJECT_SPREADBET_ORDER_ON_CFD_ACCOUNT"
    /// Rejected: size increment (`SIZE_INCREMENT`).
    public static let sizeIncrement: Self = "SIZE_INCREMENT"
    /// Rejected: stop required error (`STOP_REQUIRED_ERROR`).
    public static let stopRequiredError: Self = "STOP_REQUIRED_ERROR"
    /// Rejected: trailing stop not allowed (`TRAILING_STOP_NOT_ALLOWED`).
    public static let trailingStopNotAllowed: Self = "TRAILING_STOP_NOT_ALLOWED"
    /// Rejected: wrong side of market (`WRONG_SIDE_OF_MARKET`).
    public static let wrongSideOfMarket: Self = "WRONG_SIDE_OF_MARKET"
    /// IG gave no known reason (`UNKNOWN`).
    public static let unknown: Self = "UNKNOWN"
}
