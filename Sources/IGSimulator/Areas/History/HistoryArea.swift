/// `/history`: account activity (v1, v2, v3) and transactions (v1, v2), read from the dealing ledger.
struct HistoryArea: SimulatorArea {
    let context: SimulatorContext

    func register(into table: inout RouteTable) {
        table.add(self.historyRoutes)
    }
}
