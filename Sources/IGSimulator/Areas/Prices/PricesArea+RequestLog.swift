import Foundation

extension PricesArea {
    /// The key a request's weekly historical allowance is counted under: the account, and with several team logins
    /// (``SimulatorConfiguration/users`` above 1) the login too, so each login has an allowance of its own as each
    /// IG account would.
    func allowanceKey(_ call: Call) -> String {
        guard let principal = call.principal else { return "" }
        guard self.context.configuration.users > 1 else { return principal.accountId }
        return principal.identifier + "/" + principal.accountId
    }

    /// Logs a served price request.
    func logPriceRequest(_ call: Call, points: Int) {
        let request = call.request
        func first(_ names: String...) -> String {
            for name in names {
                if let value = request.queryValue(name), !value.isEmpty { return value }
                if let value = call.parameters[name], !value.isEmpty { return value }
            }
            return ""
        }
        self.context.priceRequests.append(
            PriceRequestRecord(
                identifier: call.principal?.identifier ?? "", accountId: call.principal?.accountId ?? "",
                epic: call.parameter("epic"), resolution: first("resolution"),
                from: first("from", "startdate", "start"),
                to: first("to", "enddate", "end"), pageNumber: Int(first("pageNumber")) ?? 1, points: points,
                at: call.now))
    }
}
