/// `/prices`: historical prices (v3 paged, v2 and v1 ranges, the last points), counted against the weekly
/// historical-data allowance.
struct PricesArea: SimulatorArea {
    let context: SimulatorContext

    func register(into table: inout RouteTable) {
        table.add([
            Route("GET", "prices/:epic") { try self.pricesV3($0) },
            Route("GET", "prices/:epic/:resolution") { try self.pricesV1Range($0) },
            Route("GET", "prices/:epic/:resolution/:points") { try self.pricesNumPoints($0) },
            Route("GET", "prices/:epic/:resolution/:start/:end") { try self.pricesV2Range($0) },
        ])
    }
}
