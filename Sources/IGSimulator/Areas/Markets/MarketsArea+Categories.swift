import Foundation

// Instrument categories (IG's newer docs, v1): GET /categories, GET /categories/{categoryId}/instruments.

extension MarketsArea {
    var categoryRoutes: [Route] {
        [
            Route("GET", "categories") { try self.categories($0) },
            Route("GET", "categories/:category/instruments") { try self.categoryInstruments($0) },
        ]
    }

    /// Category codes by instrument type; crypto markets are their own category.
    func categoryCode(_ instrument: Instrument) -> String {
        instrument.navigationPath.first == "668394" ? "CRYPTOCURRENCIES" : instrument.instrumentType
    }

    /// `GET /categories`: `{categories: [{code, nonTradeable}]}`, in catalog order.
    func categories(_ call: Call) throws -> RESTResponse {
        var codes: [String] = []
        for instrument in self.catalog.instruments {
            let code = self.categoryCode(instrument)
            if !codes.contains(code) { codes.append(code) }
        }
        return .ok(["categories": .array(codes.map { ["code": .string($0), "nonTradeable": false] })])
    }

    /// `GET /categories/{categoryId}/instruments?pageNumber&pageSize` (page numbers from 0, sizes 1…1000).
    func categoryInstruments(_ call: Call) throws -> RESTResponse {
        let code = call.parameter("category").uppercased()
        let members = self.catalog.instruments.filter { self.categoryCode($0) == code }
        guard !members.isEmpty else { throw RESTError(status: 404, code: "error.public-api.category-not-found") }
        let pageNumber =
            try call.request.queryValue("pageNumber").map { text -> Int in
                guard let value = Int(text), value >= 0 else {
                    throw RESTError(status: 400, code: "validation.min-value.pageNumber")
                }
                return value
            } ?? 0
        let pageSize =
            try call.request.queryValue("pageSize").map { text -> Int in
                guard let value = Int(text), (1...1000).contains(value) else {
                    throw RESTError(status: 400, code: "validation.range.pageSize")
                }
                return value
            } ?? 150
        // Page numbers count from 0 here; past the last page (however far: no overflow) the page is empty.
        let (offset, overflow) = pageNumber.multipliedReportingOverflow(by: pageSize)
        let start = overflow ? members.count : Swift.min(members.count, offset)
        let page = members[start..<(start + Swift.min(members.count - start, pageSize))]
        return .ok([
            "instruments": .array(
                page.map { instrument in
                    let figures = self.context.figures(instrument, at: call.now)
                    return [
                        "epic": .string(instrument.epic),
                        "instrumentName": .string(instrument.name),
                        "expiry": .string(instrument.expiry),
                        "instrumentType": .string(instrument.instrumentType),
                        "lotSize": .double(instrument.lotSize),
                        "otcTradeable": true,
                        "marketStatus": .string(figures.status),
                        "delayTime": 0,
                        "bid": .double(figures.bid),
                        "offer": .double(figures.offer),
                        "high": .double(figures.high),
                        "low": .double(figures.low),
                        "netChange": .double(figures.netChange),
                        "percentageChange": .double(figures.percentageChange),
                        "updateTime": .string(figures.updateTime),
                        "scalingFactor": .int(instrument.scalingFactor),
                    ]
                }),
            "metadata": ["pageNumber": .int(pageNumber), "pageSize": .int(pageSize)],
        ])
    }
}
