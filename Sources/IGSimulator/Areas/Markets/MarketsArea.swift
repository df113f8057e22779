/// `/markets`, `/marketnavigation`, `/categories` and `/clientsentiment`: instrument details, the navigation tree,
/// instrument categories and client sentiment.
struct MarketsArea: SimulatorArea {
    let context: SimulatorContext

    func register(into table: inout RouteTable) {
        table.add([
            Route("GET", "markets") { try self.markets($0) },
            Route("GET", "markets/:epic") { try self.market($0) },
            Route("GET", "marketnavigation") { try self.navigation($0) },
            Route("GET", "marketnavigation/:node") { try self.navigation($0) },
        ])
        table.add(self.categoryRoutes)
        table.add(self.sentimentRoutes)
    }
}
