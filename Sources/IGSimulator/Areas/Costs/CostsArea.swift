/// `/indicativecostsandcharges`: indicative cost quotes for opening, closing and editing, their history and their
/// documents.
struct CostsArea: SimulatorArea {
    let context: SimulatorContext
    /// The quotes made so far (they live as long as the simulator).
    let quotes = CostQuoteStore()

    func register(into table: inout RouteTable) {
        table.add(self.costsRoutes)
    }
}
