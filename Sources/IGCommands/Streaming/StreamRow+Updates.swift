import Foundation
import IGModels
import IGStreaming

private func cell(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "-" }

private func cell(_ value: Date?) -> String {
    value.map { $0.formatted(.iso8601.time(includingFractionalSeconds: true)) } ?? "-"
}

extension IGPriceUpdate: StreamRow {
    static var kind: String { "price" }
    var mid: Double? {
        guard let bid, let ask else { return nil }
        return ((bid + ask) / 2).doubleValue
    }
    static var columns: [String] { ["EPIC", "BID", "ASK", "HIGH", "LOW", "NET_CHG", "STATE", "TIME"] }
    var key: String { epic.rawValue }
    var cells: [String] {
        [
            epic.rawValue, cell(bid), cell(ask), cell(high), cell(low), cell(netChange), dealingFlag ?? "-",
            cell(timestamp),
        ]
    }
    var json: [(String, NDJSON.Value)] {
        [
            ("epic", .string(epic.rawValue)), ("bid", NDJSON.number(bid)), ("ask", NDJSON.number(ask)),
            ("high", NDJSON.number(high)), ("low", NDJSON.number(low)), ("midOpen", NDJSON.number(midOpen)),
            ("netChange", NDJSON.number(netChange)), ("dealingFlag", NDJSON.text(dealingFlag)),
            ("timestamp", NDJSON.date(timestamp)), ("snapshot", .bool(isSnapshot)),
        ]
    }
}

extension IGMarketUpdate: StreamRow {
    static var kind: String { "market" }
    static var columns: [String] { ["EPIC", "BID", "OFFER", "HIGH", "LOW", "CHANGE", "CHANGE%", "STATE", "TIME"] }
    var key: String { epic.rawValue }
    var cells: [String] {
        [
            epic.rawValue, cell(bid), cell(offer), cell(high), cell(low), cell(change), cell(changePercent),
            marketState?.rawValue ?? "-", updateTimeText ?? "-",
        ]
    }
    var json: [(String, NDJSON.Value)] {
        [
            ("epic", .string(epic.rawValue)), ("bid", NDJSON.number(bid)), ("offer", NDJSON.number(offer)),
            ("high", NDJSON.number(high)), ("low", NDJSON.number(low)), ("change", NDJSON.number(change)),
            ("changePercent", NDJSON.number(changePercent)), ("marketState", NDJSON.text(marketState?.rawValue)),
            ("updateTime", NDJSON.date(updateTime)), ("snapshot", .bool(isSnapshot)),
        ]
    }
}

extension IGChartTick: StreamRow {
    static var kind: String { "tick" }
    static var columns: [String] { ["EPIC", "BID", "OFFER", "LTP", "DAY_HIGH", "DAY_LOW", "TIME"] }
    var key: String { epic.rawValue }
    var cells: [String] {
        [epic.rawValue, cell(bid), cell(offer), cell(lastTradedPrice), cell(dayHigh), cell(dayLow), cell(time)]
    }
    var json: [(String, NDJSON.Value)] {
        [
            ("epic", .string(epic.rawValue)), ("bid", NDJSON.number(bid)), ("offer", NDJSON.number(offer)),
            ("lastTradedPrice", NDJSON.number(lastTradedPrice)), ("dayHigh", NDJSON.number(dayHigh)),
            ("dayLow", NDJSON.number(dayLow)), ("time", NDJSON.date(time)), ("snapshot", .bool(isSnapshot)),
        ]
    }
}

extension IGCandle: StreamRow {
    static var kind: String { "candle" }
    static var columns: [String] {
        ["EPIC", "SCALE", "BID_OPEN", "BID_HIGH", "BID_LOW", "BID_CLOSE", "TICKS", "COMPLETE", "TIME"]
    }
    var key: String { "\(epic.rawValue):\(scale.rawValue)" }
    var cells: [String] {
        [
            epic.rawValue, scale.rawValue, cell(bid.open), cell(bid.high), cell(bid.low), cell(bid.close),
            tickCount.map(String.init) ?? "-", isComplete ? "yes" : "no", cell(time),
        ]
    }
    var json: [(String, NDJSON.Value)] {
        func ohlc(_ prefix: String, _ value: IGOHLC) -> [(String, NDJSON.Value)] {
            [
                (prefix + "Open", NDJSON.number(value.open)), (prefix + "High", NDJSON.number(value.high)),
                (prefix + "Low", NDJSON.number(value.low)), (prefix + "Close", NDJSON.number(value.close)),
            ]
        }
        return [("epic", .string(epic.rawValue)), ("scale", .string(scale.rawValue))] + ohlc("bid", bid)
            + ohlc("offer", offer)
            + [
                ("tickCount", tickCount.map { .int($0) } ?? .null), ("complete", .bool(isComplete)),
                ("time", NDJSON.date(time)), ("snapshot", .bool(isSnapshot)),
            ]
    }
}

extension IGAccountUpdate: StreamRow {
    static var kind: String { "account" }
    static var columns: [String] { ["ACCOUNT", "PNL", "FUNDS", "MARGIN", "EQUITY", "AVAILABLE_TO_DEAL", "DEPOSIT"] }
    var key: String { accountId.rawValue }
    var cells: [String] {
        [
            accountId.rawValue, cell(profitAndLoss), cell(funds), cell(margin), cell(equity), cell(availableToDeal),
            cell(deposit),
        ]
    }
    var json: [(String, NDJSON.Value)] {
        [
            ("accountId", .string(accountId.rawValue)), ("pnl", NDJSON.number(profitAndLoss)),
            ("deposit", NDJSON.number(deposit)), ("availableCash", NDJSON.number(availableCash)),
            ("funds", NDJSON.number(funds)), ("margin", NDJSON.number(margin)), ("equity", NDJSON.number(equity)),
            ("equityUsed", NDJSON.number(equityUsed)), ("availableToDeal", NDJSON.number(availableToDeal)),
            ("snapshot", .bool(isSnapshot)),
        ]
    }
}

extension IGTradeUpdate: StreamRow {
    static var kind: String { "trade" }
    static var columns: [String] { ["KIND", "DEAL_REF", "DEAL_ID", "EPIC", "DIR", "SIZE", "LEVEL", "STATUS"] }
    var key: String {
        switch payload {
        case .confirmation(let c): "CONFIRMS:\(c.dealReference?.rawValue ?? "?")"
        case .openPosition(let p): "OPU:\(p.dealId?.rawValue ?? "?")"
        case .workingOrder(let w): "WOU:\(w.dealId?.rawValue ?? "?")"
        case .undecodable(let field, let json): "\(field):\(json.hashValue)"
        }
    }
    var cells: [String] {
        switch payload {
        case .confirmation(let c):
            [
                "CONFIRMS", c.dealReference?.rawValue ?? "-", c.dealId?.rawValue ?? "-", c.epic?.rawValue ?? "-",
                c.direction?.rawValue ?? "-", cell(c.size), cell(c.level),
                [c.dealStatus?.rawValue, c.reason].compactMap { $0 }.joined(separator: " "),
            ]
        case .openPosition(let p):
            [
                "OPU", p.dealReference?.rawValue ?? "-", p.dealId?.rawValue ?? "-", p.epic?.rawValue ?? "-",
                p.direction?.rawValue ?? "-", cell(p.size), cell(p.level), p.status ?? "-",
            ]
        case .workingOrder(let w):
            [
                "WOU", w.dealReference?.rawValue ?? "-", w.dealId?.rawValue ?? "-", w.epic?.rawValue ?? "-",
                w.direction?.rawValue ?? "-", cell(w.size), cell(w.level), w.status ?? "-",
            ]
        case .undecodable(let field, _):
            [field, "-", "-", "-", "-", "-", "-", "undecodable"]
        }
    }
    var json: [(String, NDJSON.Value)] {
        var fields: [(String, NDJSON.Value)] = [("accountId", .string(accountId.rawValue))]
        switch payload {
        case .confirmation(let c):
            fields += [
                ("field", .string("CONFIRMS")), ("dealReference", NDJSON.text(c.dealReference?.rawValue)),
                ("dealId", NDJSON.text(c.dealId?.rawValue)), ("epic", NDJSON.text(c.epic?.rawValue)),
                ("direction", NDJSON.text(c.direction?.rawValue)), ("size", NDJSON.number(c.size)),
                ("level", NDJSON.number(c.level)), ("dealStatus", NDJSON.text(c.dealStatus?.rawValue)),
                ("status", NDJSON.text(c.status)), ("reason", NDJSON.text(c.reason)),
            ]
        case .openPosition(let p):
            fields += [
                ("field", .string("OPU")), ("dealReference", NDJSON.text(p.dealReference?.rawValue)),
                ("dealId", NDJSON.text(p.dealId?.rawValue)), ("epic", NDJSON.text(p.epic?.rawValue)),
                ("direction", NDJSON.text(p.direction?.rawValue)), ("size", NDJSON.number(p.size)),
                ("level", NDJSON.number(p.level)), ("status", NDJSON.text(p.status)),
            ]
        case .workingOrder(let w):
            fields += [
                ("field", .string("WOU")), ("dealReference", NDJSON.text(w.dealReference?.rawValue)),
                ("dealId", NDJSON.text(w.dealId?.rawValue)), ("epic", NDJSON.text(w.epic?.rawValue)),
                ("direction", NDJSON.text(w.direction?.rawValue)), ("size", NDJSON.number(w.size)),
                ("level", NDJSON.number(w.level)), ("status", NDJSON.text(w.status)),
            ]
        case .undecodable(let field, let json):
            fields += [("field", .string(field)), ("raw", .string(json))]
        }
        return fields + [("snapshot", .bool(isSnapshot))]
    }
}
