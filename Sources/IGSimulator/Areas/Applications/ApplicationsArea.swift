/// `/operations/application`: the API key's application, its allowances and status.
struct ApplicationsArea: SimulatorArea {
    let context: SimulatorContext

    func register(into table: inout RouteTable) {
        table.add(self.operationsRoutes)
    }
}
