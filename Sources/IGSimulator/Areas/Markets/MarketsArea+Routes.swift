import Foundation

// GET /markets/{epic}, GET /markets?epics=…, GET /markets?searchTerm=…, GET /marketnavigation[/{node}].

extension MarketsArea {
    /// At most this many epics per `GET /markets?epics=` (IG: 50).
    static let maximumEpicsPerRequest = 50

    /// `GET /markets/{epic}` v1, v2, v3, v4 (higher versions are served as v4).
    func market(_ call: Call) throws -> RESTResponse {
        guard let instrument = self.catalog.instrument(epic: call.parameter("epic")) else {
            throw RESTError(status: 404, code: "error.service.marketdata.instrument.epic.unavailable")
        }
        return .ok(
            self.context.marketDetailsJSON(instrument, version: Swift.min(call.request.version, 4), now: call.now))
    }

    /// `GET /markets` with `epics` (v1/v2 details, sorted by epic) or `searchTerm` (v1 search).
    func markets(_ call: Call) throws -> RESTResponse {
        if let epicList = call.request.queryValue("epics") {
            let epics = epicList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard epics.count <= Self.maximumEpicsPerRequest else {
                throw RESTError(status: 400, code: "error.public-api.too-many-epics")
            }
            var seen = Set<String>()
            let instruments = epics.compactMap { self.catalog.instrument(epic: $0) }
                .filter { seen.insert($0.epic).inserted }
                .sorted { $0.epic < $1.epic }
            let version = Swift.min(call.request.version, 2)
            let snapshotOnly = version >= 2 && call.request.queryValue("filter")?.uppercased() == "SNAPSHOT_ONLY"
            return .ok([
                "marketDetails": .array(
                    instruments.map {
                        self.context.marketDetailsJSON($0, version: version, snapshotOnly: snapshotOnly, now: call.now)
                    })
            ])
        }
        if let term = call.request.queryValue("searchTerm") {
            return .ok([
                "markets": .array(self.catalog.search(term).map { self.context.marketOverviewJSON($0, now: call.now) })
            ])
        }
        throw RESTError(status: 400, code: "invalid.input")
    }

    /// `GET /marketnavigation` and `GET /marketnavigation/{nodeId}`.
    func navigation(_ call: Call) throws -> RESTResponse {
        guard let nodeId = call.parameters["node"] else {
            return .ok([
                "nodes": .array(self.catalog.topLevelNodes.map { ["id": .string($0.id), "name": .string($0.name)] }),
                "markets": nil,
            ])
        }
        let children = self.catalog.children(of: nodeId)
        let markets = self.catalog.instruments(inNode: nodeId)
        return .ok([
            "nodes": children.isEmpty
                ? .null : .array(children.map { ["id": .string($0.id), "name": .string($0.name)] }),
            "markets": markets.isEmpty
                ? .null : .array(markets.map { self.context.marketOverviewJSON($0, now: call.now, otcTradeable: true) })
                ,
        ])
    }
}
