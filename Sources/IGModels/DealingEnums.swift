/// `dealStatus` of a deal confirmation.
public struct DealStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// IG accepted the deal.
    public static let accepted: Self = "ACCEPTED"
    /// IG rejected the deal; the confirmation's `reason` says why.
    public static let rejected: Self = "REJECTED"
}

/// `status` of a deal confirmation: what happened to the position or order.
public struct DealConfirmStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The position or order is open (`OPEN`).
    public static let open: Self = "OPEN"
    /// The position or order is amended (`AMENDED`).
    public static let amended: Self = "AMENDED"
    /// The position or order is deleted (`DELETED`).
    public static let deleted: Self = "DELETED"
    /// The position or order is closed (`CLOSED`).
    public static let closed: Self = "CLOSED"
    /// The position or order is partially closed (`PARTIALLY_CLOSED`).
    public static let partiallyClosed: Self = "PARTIALLY_CLOSED"
}

/// `status` of an affected deal in a confirmation.
public struct AffectedDealStatus: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The deal was opened (`OPENED`).
    public static let opened: Self = "OPENED"
    /// The deal was amended (`AMENDED`).
    public static let amended: Self = "AMENDED"
    /// The deal was deleted (`DELETED`).
    public static let deleted: Self = "DELETED"
    /// The deal was fully closed (`FULLY_CLOSED`).
    public static let fullyClosed: Self = "FULLY_CLOSED"
    /// The deal was partially closed (`PARTIALLY_CLOSED`).
    public static let partiallyClosed: Self = "PARTIALLY_CLOSED"
}

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

/// How a position order is filled.
public struct DealOrderType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// At the current price.
    public static let market: Self = "MARKET"
    /// At `level` or better.
    public static let limit: Self = "LIMIT"
    /// At a quoted price (by agreement with IG).
    public static let quote: Self = "QUOTE"
}

/// Position order time in force.
public struct DealTimeInForce: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Fill what can be filled now and cancel the rest (`EXECUTE_AND_ELIMINATE`).
    public static let executeAndEliminate: Self = "EXECUTE_AND_ELIMINATE"
    /// Fill the whole size now or nothing (`FILL_OR_KILL`).
    public static let fillOrKill: Self = "FILL_OR_KILL"
}

/// A working order's type.
public struct WorkingOrderType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Buy below / sell above the market.
    public static let limit: Self = "LIMIT"
    /// Buy above / sell below the market.
    public static let stop: Self = "STOP"
}

/// How long a working order lives.
public struct WorkingOrderTimeInForce: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// The order stays until cancelled (`GOOD_TILL_CANCELLED`).
    public static let goodTillCancelled: Self = "GOOD_TILL_CANCELLED"
    /// The order expires at its `goodTillDate` (`GOOD_TILL_DATE`).
    public static let goodTillDate: Self = "GOOD_TILL_DATE"
}
