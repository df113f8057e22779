extension SimulatorCore {
    /// Dealing routes: confirms, positions, working orders (owned by the dealing engine work).
    static let dealingRoutes: [Route] = []

    /// History routes: activity and transactions (owned by the dealing engine work).
    static let historyRoutes: [Route] = []
}
