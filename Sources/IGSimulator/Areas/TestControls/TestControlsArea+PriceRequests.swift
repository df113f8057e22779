import Foundation

// GET/DELETE /simulator/prices/requests: the log of served historical-price requests.

extension TestControlsArea {
    /// Answers `/simulator/prices/requests`, or nil for another path.
    func handlePriceRequests(_ request: RESTRequest, path: String) -> RESTResponse? {
        guard path == "prices/requests" else { return nil }
        switch request.method {
        case "GET":
            let records = self.context.priceRequests.all
            return .ok([
                "requests": .array(records.map(Self.priceRequestJSON)),
                "points": .int(records.reduce(0) { $0 + $1.points }),
            ])
        case "DELETE":
            self.context.priceRequests.clear()
            return .ok(["status": "SUCCESS"])
        default:
            return .error(RESTError(status: 405, code: "invalid.method"))
        }
    }

    static func priceRequestJSON(_ record: PriceRequestRecord) -> SimulatorJSON {
        [
            "identifier": .string(record.identifier),
            "accountId": .string(record.accountId),
            "epic": .string(record.epic),
            "resolution": .string(record.resolution),
            "from": .string(record.from),
            "to": .string(record.to),
            "pageNumber": .int(record.pageNumber),
            "points": .int(record.points),
            "at": .string(ISO8601DateFormatter().string(from: record.at)),
        ]
    }
}
