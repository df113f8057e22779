import Foundation

/// A dealing request body with IG's validation answers: 400 `validation.null-not-allowed.request.{field}`,
/// `validation.pattern.invalid.request.{field}`, `invalid.request.{field}`, `validation.mutual-exclusive-value.request`
/// and the conditional codes. Booleans may be strings ("true"), and `null` means absent.
struct DealingBody: Sendable {
    let json: SimulatorJSON

    init(_ request: RESTRequest) throws {
        let json = try request.json()
        self.json = json
    }

    private static func invalid(_ code: String) -> RESTError { RESTError(status: 400, code: code) }

    private func value(_ key: String) -> SimulatorJSON? {
        guard let value = self.json[key], !value.isNull else { return nil }
        if case .string(let text) = value, text.isEmpty { return nil }
        return value
    }

    func string(_ key: String, required: Bool = false, pattern: String? = nil) throws -> String? {
        guard let value = self.value(key) else {
            if required { throw Self.invalid("validation.null-not-allowed.request.\(key)") }
            return nil
        }
        guard let text = value.stringValue else { throw Self.invalid("invalid.request.\(key)") }
        if let pattern, text.range(of: "^" + pattern + "$", options: .regularExpression) == nil {
            throw Self.invalid("validation.pattern.invalid.request.\(key)")
        }
        return text
    }

    func decimal(_ key: String, required: Bool = false) throws -> Decimal? {
        guard let value = self.value(key) else {
            if required { throw Self.invalid("validation.null-not-allowed.request.\(key)") }
            return nil
        }
        let text: String?
        switch value {
        case .int(let number): text = String(number)
        case .double(let number): text = "\(number)"
        case .string(let string): text = string.trimmingCharacters(in: .whitespaces)
        default: text = nil
        }
        guard let text, let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw Self.invalid("invalid.request.\(key)")
        }
        return number
    }

    func bool(_ key: String, required: Bool = false) throws -> Bool {
        guard let value = self.value(key) else {
            if required { throw Self.invalid("validation.null-not-allowed.request.\(key)") }
            return false
        }
        guard let flag = value.boolValue else { throw Self.invalid("invalid.request.\(key)") }
        return flag
    }

    func direction() throws -> DealSide {
        guard let text = try self.string("direction", required: true) else {
            throw Self.invalid("validation.null-not-allowed.request.direction")
        }
        guard let side = DealSide(rawValue: text.uppercased()) else { throw Self.invalid("invalid.request.direction") }
        return side
    }

    static let epicPattern = "[A-Za-z0-9._]{6,30}"
    static let expiryPattern = "((\\d{2}-)?[A-Z]{3}-\\d{2}|-|DFB)"
    static let referencePattern = "[A-Za-z0-9_\\-]{1,30}"
    static let currencyPattern = "[A-Z]{3}"

    private func exclusive(_ first: String, _ second: String) throws {
        if self.value(first) != nil, self.value(second) != nil {
            throw Self.invalid("validation.mutual-exclusive-value.request")
        }
    }

    func openPositionRequest(version: Int) throws -> OpenPositionRequest {
        let reference = try self.string("dealReference", pattern: Self.referencePattern)
        let currency = try self.string("currencyCode", required: true, pattern: Self.currencyPattern) ?? ""
        let direction = try self.direction()
        let epic = try self.string("epic", required: true, pattern: Self.epicPattern) ?? ""
        let expiry = try self.string("expiry", required: true, pattern: Self.expiryPattern) ?? ""
        let forceOpen = try self.bool("forceOpen", required: true)
        let guaranteed = try self.bool("guaranteedStop", required: true)
        let orderType = (try self.string("orderType", required: true) ?? "MARKET").uppercased()
        guard ["MARKET", "LIMIT", "QUOTE"].contains(orderType) else { throw Self.invalid("invalid.request.orderType") }
        let size = try self.decimal("size", required: true) ?? 0
        let level = try self.decimal("level")
        if orderType == "MARKET", level != nil || self.value("quoteId") != nil {
            throw Self.invalid("validation.null-conditional-set-value.request")
        }
        if orderType != "MARKET", level == nil { throw Self.invalid("validation.not-null-conditional.request") }
        try self.exclusive("stopLevel", "stopDistance")
        try self.exclusive("limitLevel", "limitDistance")
        let trailing = version >= 2 ? try self.bool("trailingStop") : false
        let increment = try self.decimal("trailingStopIncrement")
        let stopLevel = try self.decimal("stopLevel")
        let stopDistance = try self.decimal("stopDistance")
        if guaranteed, stopLevel == nil, stopDistance == nil {
            throw Self.invalid("validation.not-null-conditional.request")
        }
        if trailing, stopDistance == nil || increment == nil || stopLevel != nil || guaranteed {
            throw Self.invalid("validation.not-null-conditional-set-value.request")
        }
        if !trailing, increment != nil, version >= 2 {
            throw Self.invalid("validation.null-conditional-set-value.request")
        }
        return OpenPositionRequest(
            dealReference: reference, epic: epic, expiry: expiry, direction: direction, size: size,
            orderType: orderType, level: level, currencyCode: currency, forceOpen: forceOpen,
            guaranteedStop: guaranteed,
            stopLevel: stopLevel, stopDistance: stopDistance, limitLevel: try self.decimal("limitLevel"),
            limitDistance: try self.decimal("limitDistance"), trailingStop: trailing, trailingStopIncrement: increment)
    }

    func amendPositionRequest(dealId: String) throws -> AmendPositionRequest {
        let guaranteed = try self.bool("guaranteedStop")
        let trailing = try self.bool("trailingStop")
        let stopLevel = try self.decimal("stopLevel")
        let distance = try self.decimal("trailingStopDistance")
        let increment = try self.decimal("trailingStopIncrement")
        if guaranteed, stopLevel == nil || trailing { throw Self.invalid("validation.not-null-conditional.request") }
        if trailing, distance == nil || increment == nil || stopLevel == nil {
            throw Self.invalid("validation.not-null-conditional-set-value.request")
        }
        if !trailing, distance != nil || increment != nil {
            throw Self.invalid("validation.null-conditional-set-value.request")
        }
        return AmendPositionRequest(
            dealId: dealId, stopLevel: stopLevel, limitLevel: try self.decimal("limitLevel"),
            guaranteedStop: guaranteed, trailingStop: trailing, trailingStopDistance: distance,
            trailingStopIncrement: increment)
    }

    func closePositionRequest() throws -> ClosePositionRequest {
        guard self.json.isObject else { throw Self.invalid("validation.null-not-allowed.request") }
        let dealId = try self.string("dealId")
        let epic = try self.string("epic")
        if dealId == nil, epic == nil { throw Self.invalid("validation.one-selection-required.request") }
        if dealId != nil, epic != nil { throw Self.invalid("validation.mutual-exclusive-value.request") }
        let expiry = try self.string("expiry")
        if epic != nil, expiry == nil { throw Self.invalid("validation.not-null-conditional.request") }
        let orderType = (try self.string("orderType") ?? "MARKET").uppercased()
        guard ["MARKET", "LIMIT", "QUOTE"].contains(orderType) else { throw Self.invalid("invalid.request.orderType") }
        let level = try self.decimal("level")
        if orderType != "MARKET", level == nil { throw Self.invalid("validation.not-null-conditional.request") }
        return ClosePositionRequest(
            dealId: dealId, epic: epic, expiry: expiry, direction: try self.direction(),
            size: try self.decimal("size", required: true) ?? 0, orderType: orderType, level: level)
    }

    private func orderKind(required: Bool) throws -> SimWorkingOrder.Kind? {
        guard let text = try self.string("type", required: required) else { return nil }
        guard let kind = SimWorkingOrder.Kind(rawValue: text.uppercased()) else {
            throw Self.invalid("invalid.request.type")
        }
        return kind
    }

    private func goodTill() throws -> (given: Bool, date: Date?) {
        guard let timeInForce = try self.string("timeInForce")?.uppercased() else { return (false, nil) }
        switch timeInForce {
        case "GOOD_TILL_CANCELLED":
            return (true, nil)
        case "GOOD_TILL_DATE":
            guard let raw = self.value("goodTillDate") else {
                throw Self.invalid("validation.not-null-conditional.request")
            }
            guard let date = DealingFormat.parseGoodTill(raw) else {
                throw Self.invalid("validation.pattern.invalid.request.goodTillDate")
            }
            return (true, date)
        default:
            throw Self.invalid("invalid.request.timeInForce")
        }
    }

    func workingOrderRequest(version: Int) throws -> WorkingOrderRequest {
        let reference = try self.string("dealReference", pattern: Self.referencePattern)
        let currency = try self.string("currencyCode", required: true, pattern: Self.currencyPattern) ?? ""
        let direction = try self.direction()
        let epic = try self.string("epic", required: true, pattern: Self.epicPattern) ?? ""
        let expiry = try self.string("expiry", required: true, pattern: Self.expiryPattern) ?? ""
        let guaranteed = try self.bool("guaranteedStop", required: true)
        let level = try self.decimal("level", required: true) ?? 0
        let size = try self.decimal("size", required: true) ?? 0
        let kind = try self.orderKind(required: true) ?? .limit
        guard self.value("timeInForce") != nil else {
            throw Self.invalid("validation.null-not-allowed.request.timeInForce")
        }
        let goodTill = try self.goodTill()
        try self.exclusive("stopLevel", "stopDistance")
        try self.exclusive("limitLevel", "limitDistance")
        let stopLevel = try self.decimal("stopLevel")
        let stopDistance = try self.decimal("stopDistance")
        if guaranteed, stopLevel == nil, stopDistance == nil {
            throw Self.invalid("validation.not-null-conditional.request")
        }
        return WorkingOrderRequest(
            dealReference: reference, epic: epic, expiry: expiry, direction: direction, size: size, level: level,
            kind: kind, goodTill: goodTill.date, currencyCode: currency, guaranteedStop: guaranteed,
            forceOpen: version >= 2 && self.value("forceOpen") != nil ? try self.bool("forceOpen") : true,
            stopLevel: stopLevel, stopDistance: stopDistance, limitLevel: try self.decimal("limitLevel"),
            limitDistance: try self.decimal("limitDistance"))
    }

    func amendWorkingOrderRequest(dealId: String) throws -> AmendWorkingOrderRequest {
        let level = try self.decimal("level", required: true) ?? 0
        try self.exclusive("stopLevel", "stopDistance")
        try self.exclusive("limitLevel", "limitDistance")
        let guaranteed = try self.bool("guaranteedStop")
        let stopLevel = try self.decimal("stopLevel")
        let stopDistance = try self.decimal("stopDistance")
        if guaranteed, stopLevel == nil, stopDistance == nil {
            throw Self.invalid("validation.not-null-conditional.request")
        }
        let goodTill = try self.goodTill()
        return AmendWorkingOrderRequest(
            dealId: dealId, level: level, kind: try self.orderKind(required: false), goodTill: goodTill.date,
            timeInForceGiven: goodTill.given, guaranteedStop: guaranteed, stopLevel: stopLevel,
            stopDistance: stopDistance, limitLevel: try self.decimal("limitLevel"),
            limitDistance: try self.decimal("limitDistance"))
    }
}
