/// One area of IG's REST API (sessions, accounts, markets, dealing …): it owns its state and declares its routes.
///
/// Adding a route is a change inside its area: the core only collects the areas' declarations into its
/// ``RouteTable``.
protocol SimulatorArea: SimulatorComponent {
    /// Adds this area's routes (paths relative to `/gateway/deal`) to the table.
    func register(into table: inout RouteTable)
}
