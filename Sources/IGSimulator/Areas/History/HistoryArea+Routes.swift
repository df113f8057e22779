import Foundation

// History routes over the dealing ledger: activity v1/v2/v3 and transactions v1/v2.

extension HistoryArea {
    /// History routes: activity and transactions.
    var historyRoutes: [Route] {
        [
            Route("GET", "history/activity") { try self.activity($0) },
            Route("GET", "history/activity/:lastPeriod") { try self.activityV1($0) },
            Route("GET", "history/activity/:from/:to") { try self.activityV1($0) },
            Route("GET", "history/transactions") { try self.transactionsV2($0) },
            Route("GET", "history/transactions/:type/:lastPeriod") { try self.transactionsV1($0) },
            Route("GET", "history/transactions/:type/:from/:to") { try self.transactionsV1($0) },
        ]
    }

    // MARK: Ranges

    /// `dd-MM-yyyy` (v1 path dates, account time taken as UTC).
    private static func v1Day(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
            (1...31).contains(day), (1...12).contains(month), (1...9999).contains(year)
        else {
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(CivilTime(year: year, month: month, day: day).utcSeconds))
    }

    private func v1Range(_ call: Call) throws -> (Date, Date) {
        if let period = call.parameters["lastPeriod"] {
            // At most back to 1970: `lastPeriod` is a duration, not a way to reach dates no format can spell.
            guard let milliseconds = Double(period), milliseconds >= 0,
                milliseconds <= call.now.timeIntervalSince1970 * 1000
            else {
                throw RESTError(status: 400, code: "invalid.input")
            }
            return (call.now.addingTimeInterval(-milliseconds / 1000), call.now)
        }
        guard let from = Self.v1Day(call.parameter("from")), let to = Self.v1Day(call.parameter("to")) else {
            throw RESTError(status: 400, code: "error.request.invalid.date-range")
        }
        return (from, to.addingTimeInterval(86_399))
    }

    /// The fraction of a second written after `.` in `text` (`2016-05-27T09:04:49.123` → 0.123), nil when none.
    private static func fraction(_ text: String) -> TimeInterval? {
        guard text.count > 20, let dot = text.firstIndex(of: "."), text.distance(from: text.startIndex, to: dot) == 19
        else { return nil }
        let digits = text[text.index(after: dot)...].prefix { $0.isNumber }
        return digits.isEmpty ? nil : Double("0." + digits)
    }

    /// `from`/`to`/`maxSpanSeconds` of v2/v3 queries. A date-only `to` means the end of that day, a `to` to the
    /// second includes that whole second, and a `to` with milliseconds (the simulator's own `next` links) that
    /// millisecond.
    private func queryRange(_ call: Call, defaultSpan: TimeInterval) throws -> (Date, Date) {
        func parse(_ name: String) throws -> Date? {
            guard let text = call.request.queryValue(name), !text.isEmpty else { return nil }
            guard let seconds = CivilTime.parse(text) else {
                throw RESTError(status: 400, code: "error.malformed.date")
            }
            var date = Date(timeIntervalSince1970: TimeInterval(seconds))
            if let fraction = Self.fraction(text) {
                date = date.addingTimeInterval(fraction + (name == "to" ? 0.000_999 : 0))
            } else if name == "to" {
                date = date.addingTimeInterval(text.count == 10 ? 86_399.999 : 0.999)
            }
            return date
        }
        let to = try parse("to") ?? call.now
        let span = call.request.queryValue("maxSpanSeconds").flatMap(Double.init) ?? defaultSpan
        let from = try parse("from") ?? to.addingTimeInterval(-span)
        guard from <= to else { throw RESTError(status: 400, code: "error.request.invalid.date-range") }
        return (from, to)
    }

    private func ledger(_ call: Call) -> DealingLedger {
        self.desk.readDealing(now: call.now) { $0.ledger }
    }

    // MARK: Activity

    private static func text(_ value: Decimal?) -> SimulatorJSON {
        value.map { .string(DealingFormat.text($0)) } ?? .string("-")
    }

    private static func signedSize(_ activity: DealingLedger.Activity) -> SimulatorJSON {
        guard let size = activity.size else { return .string("-") }
        let signed = activity.direction == .sell ? -size : size
        return .string((signed >= 0 ? "+" : "") + DealingFormat.text(signed))
    }

    private static func v1Activity(_ activity: DealingLedger.Activity, version: Int) -> SimulatorJSON {
        let (day, time) = DealingFormat.v1DateAndTime(activity.date)
        var members: [(String, SimulatorJSON)] = [
            ("date", .string(version >= 2 ? DealingFormat.iso(activity.date) : day))
        ]
        if version < 2 { members.append(("time", .string(time))) }
        members += [
            ("epic", .string(activity.epic)),
            ("dealId", .string(activity.dealId)),
            ("activityHistoryId", .string(activity.dealReference)),
            ("activity", .string(activity.type == "EDIT_STOP_AND_LIMIT" ? "Edit" : "Order")),
            ("marketName", .string(activity.marketName)),
            ("period", .string(activity.period)),
            ("result", .string(activity.description)),
            ("channel", .string(activity.channel == "SYSTEM" ? "System" : "Public API")),
            ("currency", .string(activity.currencySymbol)),
            ("size", signedSize(activity)),
            ("level", text(activity.level)),
            ("stop", text(activity.stopLevel)),
            ("stopType", .string(activity.stopLevel == nil ? "-" : activity.guaranteedStop ? "G" : "N")),
            ("limit", text(activity.limitLevel)),
            ("actionStatus", .string(activity.status == "ACCEPTED" ? "ACCEPT" : "REJECT")),
        ]
        return .object(members)
    }

    private static func v3Activity(_ activity: DealingLedger.Activity, detailed: Bool) -> SimulatorJSON {
        let details: SimulatorJSON =
            detailed
            ? [
                "dealReference": .string(activity.dealReference),
                "actions": .array(
                    activity.actions.map { ["actionType": .string($0.0), "affectedDealId": .string($0.1)] }),
                "marketName": .string(activity.marketName),
                "goodTillDate": .string(activity.goodTillDate.map(DealingFormat.iso)),
                "currency": .string(activity.currency),
                "size": DealingFormat.number(activity.size),
                "direction": .string(activity.direction?.rawValue),
                "level": DealingFormat.number(activity.level),
                "stopLevel": DealingFormat.number(activity.stopLevel),
                "stopDistance": DealingFormat.number(activity.stopDistance),
                "guaranteedStop": .bool(activity.guaranteedStop),
                "trailingStopDistance": DealingFormat.number(activity.trailingStopDistance),
                "trailingStep": DealingFormat.number(activity.trailingStep),
                "limitLevel": DealingFormat.number(activity.limitLevel),
                "limitDistance": DealingFormat.number(activity.limitDistance),
            ] : .null
        return [
            "date": .string(DealingFormat.iso(activity.date)),
            "epic": .string(activity.epic),
            "period": .string(activity.period),
            "dealId": .string(activity.dealId),
            "channel": .string(activity.channel),
            "type": .string(activity.type),
            "status": .string(activity.status),
            "description": .string(activity.description),
            "details": details,
        ]
    }

    /// `GET /history/activity/{lastPeriod}` and `/{from}/{to}` (v1).
    func activityV1(_ call: Call) throws -> RESTResponse {
        let (from, to) = try self.v1Range(call)
        let items = self.ledger(call).activities(accountId: call.authenticated.accountId, from: from, to: to)
        return .ok(["activities": .array(items.reversed().map { Self.v1Activity($0, version: 1) })])
    }

    /// `GET /history/activity` v2 (page numbers) and v3 (cursor `next`, newest first).
    func activity(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        if call.request.version >= 3 {
            let (from, to) = try self.queryRange(call, defaultSpan: 86_400 * 365 * 30)
            let pageSize = call.request.queryValue("pageSize").flatMap(Int.init) ?? 50
            guard (10...500).contains(pageSize) else {
                throw RESTError(status: 400, code: "error.request.invalid.page-size")
            }
            let detailed = call.request.queryValue("detailed")?.lowercased() == "true"
            var items = Array(self.ledger(call).activities(accountId: accountId, from: from, to: to).reversed())
            if let dealId = call.request.queryValue("dealId"), !dealId.isEmpty {
                items = items.filter { $0.dealId == dealId }
            }
            if let text = call.request.queryValue("filter"), !text.isEmpty {
                let filter: FIQLFilter
                do {
                    filter = try FIQLFilter(text)
                } catch {
                    throw RESTError(status: 400, code: "error.request.invalid.filter")
                }
                items = items.filter { activity in filter.matches { Self.filterValues(activity, $0) } }
            }
            let page = Array(items.prefix(pageSize))
            var next: SimulatorJSON = .null
            if items.count > pageSize, let oldest = page.last, from < oldest.date {
                // Just before the oldest item returned, to the millisecond: items of the same second that did not
                // fit on this page are on the next one, none twice.
                let nextTo = DealingFormat.isoMillis(oldest.date.addingTimeInterval(-0.001))
                var link =
                    "/history/activity?version=3&from=\(DealingFormat.iso(from))&to=\(nextTo)"
                    + "&detailed=\(detailed)&pageSize=\(pageSize)"
                // The narrowing parameters travel on, so the next page is of the same listing.
                for name in ["dealId", "filter"] {
                    if let value = call.request.queryValue(name), !value.isEmpty {
                        link += "&\(name)=\(Self.queryEncoded(value))"
                    }
                }
                next = .string(link)
            }
            return .ok([
                "activities": .array(page.map { Self.v3Activity($0, detailed: detailed) }),
                "metadata": ["paging": ["size": .int(page.count), "next": next]],
            ])
        }
        let (from, to) = try self.queryRange(call, defaultSpan: 600)
        let items = Array(self.ledger(call).activities(accountId: accountId, from: from, to: to).reversed())
        return .ok(Self.paged(items.map { Self.v1Activity($0, version: 2) }, key: "activities", call: call))
    }

    private static func queryEncoded(_ value: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=;,+?/#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// The values of a v3 activity field for a FIQL selector (`channel`, `details.actions.actionType`…).
    private static func filterValues(_ activity: DealingLedger.Activity, _ selector: String) -> [String] {
        func text(_ value: Decimal?) -> [String] { value.map { [DealingFormat.text($0)] } ?? [] }
        switch selector {
        case "date": return [DealingFormat.iso(activity.date)]
        case "epic": return [activity.epic]
        case "period": return [activity.period]
        case "dealId": return [activity.dealId]
        case "channel": return [activity.channel]
        case "type": return [activity.type]
        case "status": return [activity.status]
        case "description": return [activity.description]
        case "details.dealReference": return [activity.dealReference]
        case "details.actions.actionType": return activity.actions.map(\.0)
        case "details.actions.affectedDealId": return activity.actions.map(\.1)
        case "details.marketName": return [activity.marketName]
        case "details.currency": return [activity.currency]
        case "details.direction": return activity.direction.map { [$0.rawValue] } ?? []
        case "details.size": return text(activity.size)
        case "details.level": return text(activity.level)
        case "details.guaranteedStop": return [activity.guaranteedStop ? "true" : "false"]
        default: return []
        }
    }

    private static func paged(_ items: [SimulatorJSON], key: String, call: Call) -> SimulatorJSON {
        let pageSize = max(0, call.request.queryValue("pageSize").flatMap(Int.init) ?? 20)
        let pageNumber = max(1, call.request.queryValue("pageNumber").flatMap(Int.init) ?? 1)
        let window = PageWindow(total: items.count, pageSize: pageSize, pageNumber: pageNumber)
        let page = Array(items[window.range])
        let totalPages = window.totalPages
        return .object([
            (key, .array(page)),
            (
                "metadata",
                [
                    "size": .int(items.count),
                    "pageData": [
                        "pageNumber": .int(pageNumber), "pageSize": .int(pageSize), "totalPages": .int(totalPages),
                    ],
                ]
            ),
        ])
    }

    // MARK: Transactions

    private static func money(_ transaction: DealingLedger.Transaction) -> String {
        transaction.currencySymbol + DealingFormat.text(DealingMoney.money(transaction.profitAndLoss))
    }

    private static func transactionJSON(_ transaction: DealingLedger.Transaction, version: Int) -> SimulatorJSON {
        let (day, _) = DealingFormat.v1DateAndTime(transaction.date)
        var members: [(String, SimulatorJSON)] = [
            ("date", .string(version >= 2 ? DealingFormat.iso(transaction.date) : day)),
            ("instrumentName", .string(transaction.instrumentName)),
            ("period", .string(transaction.period)),
            ("profitAndLoss", .string(Self.money(transaction))),
            ("transactionType", .string(transaction.transactionType)),
            ("reference", .string(transaction.reference)),
            ("openLevel", Self.text(transaction.openLevel)),
            ("closeLevel", Self.text(transaction.closeLevel)),
            (
                "size",
                transaction.size.map { .string(($0 >= 0 ? "+" : "") + DealingFormat.text($0)) } ?? .string("-")
            ),
            ("currency", .string(transaction.currencySymbol)),
            ("cashTransaction", .bool(transaction.cashTransaction)),
        ]
        if version >= 2 {
            members.append(("dateUtc", .string(DealingFormat.iso(transaction.date))))
            members.append(("openDateUtc", .string(transaction.openDate.map(DealingFormat.iso))))
        }
        return .object(members)
    }

    private static func matches(_ transaction: DealingLedger.Transaction, type: String) -> Bool {
        switch type.uppercased() {
        case "ALL": true
        case "ALL_DEAL": !transaction.cashTransaction
        case "DEPOSIT": transaction.transactionType == "DEPO"
        case "WITHDRAWAL": transaction.transactionType == "WITH"
        default: false
        }
    }

    /// `GET /history/transactions/{type}/{lastPeriod}` and `/{type}/{from}/{to}` (v1).
    func transactionsV1(_ call: Call) throws -> RESTResponse {
        let type = call.parameter("type")
        guard ["ALL", "ALL_DEAL", "DEPOSIT", "WITHDRAWAL"].contains(type.uppercased()) else {
            throw RESTError(status: 400, code: "invalid.request.transactionType")
        }
        let (from, to) = try self.v1Range(call)
        let items = self.ledger(call).transactions(accountId: call.authenticated.accountId, from: from, to: to)
            .filter { Self.matches($0, type: type) }
        return .ok(["transactions": .array(items.reversed().map { Self.transactionJSON($0, version: 1) })])
    }

    /// `GET /history/transactions` (v2, page numbers).
    func transactionsV2(_ call: Call) throws -> RESTResponse {
        let type = call.request.queryValue("type") ?? "ALL"
        let (from, to) = try self.queryRange(call, defaultSpan: 600)
        let items = self.ledger(call).transactions(accountId: call.authenticated.accountId, from: from, to: to)
            .filter { Self.matches($0, type: type) }
        return .ok(
            Self.paged(items.reversed().map { Self.transactionJSON($0, version: 2) }, key: "transactions", call: call))
    }
}
