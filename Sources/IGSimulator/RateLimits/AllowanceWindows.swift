import Foundation

/// IG's per-minute allowances as sliding windows, one per API key or account and request class.
///
/// Pure: requests and times in, verdicts out. A request is admitted when every window it counts against has fewer
/// than its limit of requests in the last 60 seconds; an admitted request is counted in all of them, a refused one
/// in none.
struct AllowanceWindows: Sendable {
    /// What a request counts against.
    enum RequestClass: Sendable, Hashable {
        /// Login, refresh, encryption key: the application (API key) only.
        case session
        /// Other non-dealing requests: the application and the account.
        case nonTrading
        /// Creating, amending or closing positions and working orders: the account's trading allowance.
        case trading
    }

    /// The window length (IG: one minute).
    let length: TimeInterval
    private var arrivals: [String: [Date]] = [:]
    /// Requests refused, by error code.
    private(set) var refusals: [String: Int] = [:]

    init(length: TimeInterval = 60) {
        self.length = length
    }

    /// The class of a request from its method and path below `/gateway/deal`.
    static func classify(method: String, path: [String]) -> RequestClass {
        let first = path.first?.lowercased() ?? ""
        if first == "session" { return .session }
        let second = path.count > 1 ? path[1].lowercased() : ""
        let dealing =
            (first == "positions" && (second == "otc" || (second == "sprintmarkets" && method == "POST")))
            || (first == "workingorders" && second == "otc")
        return dealing && method != "GET" ? .trading : .nonTrading
    }

    /// Admits or refuses one request at `now`; returns the IG error code when refused.
    mutating func admit(
        _ requestClass: RequestClass, apiKey: String, accountId: String?, allowances: SimulatorAllowances, now: Date
    ) -> String? {
        var checks: [(key: String, limit: Int, code: String)] = []
        switch requestClass {
        case .session:
            checks.append(
                ("app:\(apiKey)", allowances.applicationOverall, "error.public-api.exceeded-api-key-allowance"))
        case .nonTrading:
            checks.append(
                ("app:\(apiKey)", allowances.applicationOverall, "error.public-api.exceeded-api-key-allowance"))
            if let accountId {
                checks.append(
                    ("account:\(accountId)", allowances.accountOverall, "error.public-api.exceeded-account-allowance"))
            }
        case .trading:
            if let accountId {
                checks.append(
                    (
                        "trading:\(accountId)", allowances.accountTrading,
                        "error.public-api.exceeded-account-trading-allowance"
                    ))
            }
        }
        let horizon = now.addingTimeInterval(-length)
        for check in checks {
            var times = arrivals[check.key] ?? []
            let expired = times.firstIndex { $0 > horizon } ?? times.count
            if expired > 0 { times.removeFirst(expired) }
            arrivals[check.key] = times
            if times.count >= check.limit {
                refusals[check.code, default: 0] += 1
                return check.code
            }
        }
        for check in checks { arrivals[check.key, default: []].append(now) }
        return nil
    }

    /// Requests counted in a window now.
    func count(_ key: String, now: Date) -> Int {
        let horizon = now.addingTimeInterval(-length)
        return arrivals[key]?.filter { $0 > horizon }.count ?? 0
    }
}
