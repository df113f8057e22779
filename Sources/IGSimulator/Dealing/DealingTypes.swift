import Foundation

/// BUY or SELL.
enum DealSide: String, Sendable, Hashable {
    case buy = "BUY"
    case sell = "SELL"

    var opposite: DealSide { self == .buy ? .sell : .buy }
    /// +1 for BUY, -1 for SELL.
    var sign: Decimal { self == .buy ? 1 : -1 }
}

/// An open position held by the engine.
struct SimPosition: Sendable, Hashable {
    var dealId: String
    var dealReference: String
    var accountId: String
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    var level: Decimal
    var currency: String
    var created: Date
    var stopLevel: Decimal?
    var limitLevel: Decimal?
    var guaranteedStop: Bool
    /// Trailing stop distance and step, in points.
    var trailingStopDistance: Decimal?
    var trailingStep: Decimal?
    /// Changes on every amendment (lets pending trigger searches notice they are stale).
    var revision: Int = 0
}

/// A working order (LIMIT or STOP) held by the engine.
struct SimWorkingOrder: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable {
        case limit = "LIMIT"
        case stop = "STOP"
    }

    var dealId: String
    var dealReference: String
    var accountId: String
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    var level: Decimal
    var kind: Kind
    /// nil = good till cancelled.
    var goodTill: Date?
    var currency: String
    var created: Date
    var stopDistance: Decimal?
    var limitDistance: Decimal?
    var guaranteedStop: Bool
    var forceOpen: Bool
    var revision: Int = 0
}

/// A deal confirmation as `GET /confirms/{dealReference}` reports it.
struct SimConfirm: Sendable, Hashable {
    struct AffectedDeal: Sendable, Hashable {
        var dealId: String
        var status: String
    }

    var dealReference: String
    var dealId: String
    var accountId: String
    var date: Date
    var status: String?
    var reason: String
    var dealStatus: String
    var epic: String?
    var expiry: String?
    var affectedDeals: [AffectedDeal] = []
    var level: Decimal?
    var size: Decimal?
    var direction: DealSide?
    var stopLevel: Decimal?
    var limitLevel: Decimal?
    var stopDistance: Decimal?
    var limitDistance: Decimal?
    var guaranteedStop: Bool = false
    var trailingStop: Bool = false
    var profit: Decimal?
    var profitCurrency: String?

    var isAccepted: Bool { self.dealStatus == "ACCEPTED" }
}

/// `POST /positions/otc`, validated for shape (400s) by the route.
struct OpenPositionRequest: Sendable, Hashable {
    var dealReference: String?
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    /// MARKET, LIMIT or QUOTE.
    var orderType: String = "MARKET"
    var level: Decimal?
    var currencyCode: String
    var forceOpen: Bool
    var guaranteedStop: Bool = false
    var stopLevel: Decimal?
    var stopDistance: Decimal?
    var limitLevel: Decimal?
    var limitDistance: Decimal?
    var trailingStop: Bool = false
    var trailingStopIncrement: Decimal?
}

/// `PUT /positions/otc/{dealId}`.
struct AmendPositionRequest: Sendable, Hashable {
    var dealId: String
    var stopLevel: Decimal?
    var limitLevel: Decimal?
    var guaranteedStop: Bool = false
    var trailingStop: Bool = false
    var trailingStopDistance: Decimal?
    var trailingStopIncrement: Decimal?
}

/// `DELETE /positions/otc`.
struct ClosePositionRequest: Sendable, Hashable {
    var dealId: String?
    var epic: String?
    var expiry: String?
    var direction: DealSide
    var size: Decimal
    var orderType: String = "MARKET"
    var level: Decimal?
}

/// `POST /workingorders/otc` and the body of `PUT /workingorders/otc/{dealId}`.
struct WorkingOrderRequest: Sendable, Hashable {
    var dealReference: String?
    var epic: String
    var expiry: String
    var direction: DealSide
    var size: Decimal
    var level: Decimal
    var kind: SimWorkingOrder.Kind
    var goodTill: Date?
    var currencyCode: String
    var guaranteedStop: Bool = false
    var forceOpen: Bool = true
    var stopLevel: Decimal?
    var stopDistance: Decimal?
    var limitLevel: Decimal?
    var limitDistance: Decimal?
}

/// `PUT /workingorders/otc/{dealId}`.
struct AmendWorkingOrderRequest: Sendable, Hashable {
    var dealId: String
    var level: Decimal
    var kind: SimWorkingOrder.Kind?
    var goodTill: Date?
    var timeInForceGiven: Bool = false
    var guaranteedStop: Bool = false
    var stopLevel: Decimal?
    var stopDistance: Decimal?
    var limitLevel: Decimal?
    var limitDistance: Decimal?
}

/// What one engine call did: the reference answered to the caller and the events to publish.
struct DealOutcome: Sendable {
    var dealReference: String
    var confirm: SimConfirm?
    var events: [ExchangeEvent] = []
}
