/// `/watchlists`: each account's watchlists (the system ones and its own).
struct WatchlistsArea: SimulatorArea {
    let context: SimulatorContext
    /// The watchlists of every account (they live as long as the simulator).
    let store = WatchlistStore()

    func register(into table: inout RouteTable) {
        table.add(self.watchlistRoutes)
    }
}
