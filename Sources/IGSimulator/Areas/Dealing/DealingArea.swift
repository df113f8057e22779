/// Dealing: confirms, positions, working orders, sprint market positions and the repeat-dealing window. Shapes are
/// checked here (400 validation codes); the dealing engine decides the outcome (confirm ACCEPTED / REJECTED).
struct DealingArea: SimulatorArea {
    let context: SimulatorContext
    /// Trailing-stop preferences (owned by the accounts area).
    let preferences: AccountPreferences

    func register(into table: inout RouteTable) {
        table.add(self.dealingRoutes)
        table.add(self.sprintRoutes)
        table.add(self.repeatDealingRoutes)
    }
}
