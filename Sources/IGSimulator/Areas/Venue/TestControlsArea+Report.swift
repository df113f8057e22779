import Foundation

// GET /simulator/report?accountId=…&format=json|csv: the run report of an account.

extension TestControlsArea {
    /// Answers `/simulator/report`, or nil for other paths.
    func handleReport(_ request: RESTRequest, path: String) -> RESTResponse? {
        guard path == "report" else { return nil }
        guard request.method == "GET" else { return .error(RESTError(status: 405, code: "invalid.method")) }
        let accountId = request.queryValue("accountId") ?? IGSimulator.spreadBetAccountId
        guard let report = self.report(accountId: accountId) else {
            return .error(RESTError(status: 404, code: "error.simulator.account-not-found"))
        }
        var answer = RESTResponse(status: 200, body: nil)
        switch request.queryValue("format")?.lowercased() ?? "json" {
        case "json":
            guard let data = try? report.jsonData() else {
                return .error(RESTError(status: 500, code: "system.error"))
            }
            answer.headers = [("Content-Type", "application/json; charset=UTF-8")]
            answer.rawBody = data
        case "csv":
            answer.headers = [("Content-Type", "text/csv; charset=UTF-8")]
            answer.rawBody = Data(report.tradesCSV.utf8)
        default:
            return .error(RESTError(status: 400, code: "error.simulator.report-format"))
        }
        return answer
    }

    /// The run report of an account at the simulator's current time, or nil for an unknown account.
    func report(accountId: String) -> RunReport? {
        let now = self.context.now
        let from = self.context.clock.started
        return self.context.desk.withDealing(now: now) { engine in
            (RunReport.make(engine: engine, accountId: accountId, from: from, now: now), [])
        }
    }
}
