extension SimulatorCore {
    /// `/operations/application` routes (allowances).
    static let operationsRoutes: [Route] = []
}
