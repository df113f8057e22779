import Foundation

// GET /repeat-dealing-window (v1), also under the new docs' spelling /repeat-deal-window.

extension DealingArea {
    var repeatDealingRoutes: [Route] {
        [
            Route("GET", "repeat-dealing-window") { try self.repeatDealingWindow($0) },
            Route("GET", "repeat-deal-window") { try self.repeatDealingWindow($0) },
        ]
    }

    /// How long a deal counts towards the repeat-dealing tier (IG's guide uses 30 seconds).
    static let repeatDealingWindowLength: TimeInterval = 30

    /// Deals accepted in the last 30 seconds, by epic, currency and direction, each with the instant (ms) it stops
    /// counting; `epic` filters.
    func repeatDealingWindow(_ call: Call) throws -> RESTResponse {
        let accountId = call.authenticated.accountId
        let epicFilter = call.request.queryValue("epic")
        let from = call.now.addingTimeInterval(-Self.repeatDealingWindowLength)
        let activities =
            self.desk.inspect { engine in
                engine?.ledger.activities(accountId: accountId, from: from, to: call.now)
            } ?? []
        var order: [String] = []
        var entries: [String: [String: (buy: [SimulatorJSON], sell: [SimulatorJSON])]] = [:]
        for activity in activities where activity.status == "ACCEPTED" && activity.type == "POSITION" {
            guard let size = activity.size, let direction = activity.direction else { continue }
            if let epicFilter, activity.epic.caseInsensitiveCompare(epicFilter) != .orderedSame { continue }
            if entries[activity.epic] == nil { order.append(activity.epic) }
            let expiry = Int64(
                (activity.date.addingTimeInterval(Self.repeatDealingWindowLength).timeIntervalSince1970 * 1000)
                    .rounded())
            let item: SimulatorJSON = [
                "size": DealingFormat.number(size), "expiry": .int(Int(expiry)),
            ]
            var currencies = entries[activity.epic] ?? [:]
            var sides = currencies[activity.currency] ?? ([], [])
            if direction == .buy { sides.buy.append(item) } else { sides.sell.append(item) }
            currencies[activity.currency] = sides
            entries[activity.epic] = currencies
        }
        let list: [SimulatorJSON] = order.map { epic in
            let currencies = entries[epic] ?? [:]
            return [
                "instrumentSource": "E",
                "instrumentValue": .string(epic),
                "currencyList": .array(
                    currencies.keys.sorted().map { code in
                        let sides = currencies[code] ?? ([], [])
                        return ["currency": .string(code), "buy": .array(sides.buy), "sell": .array(sides.sell)]
                    }),
            ]
        }
        return .ok([
            "accountId": .string(accountId),
            "requestStartTime": .int(Int((call.now.timeIntervalSince1970 * 1000).rounded())),
            "repeatDealingEntryList": .array(list),
        ])
    }
}
