/// The REST routes under `/gateway/deal`, collected from the areas.
///
/// Matching does not depend on the order areas register in: among the routes that match, the one with the most
/// literal segments wins (`positions/sprintmarkets` over `positions/:dealId`), then the first added.
struct RouteTable: Sendable {
    private(set) var routes: [Route] = []

    /// An empty table.
    init() {}

    /// Adds routes in order.
    mutating func add(_ routes: [Route]) {
        self.routes += routes
    }

    /// The route for a method and path (relative to `/gateway/deal`), with its captured parameters.
    func match(method: String, path: [String]) -> (Route, [String: String])? {
        var best: (Route, [String: String])?
        for route in self.routes where route.method == method {
            guard let parameters = route.match(path) else { continue }
            if let current = best, current.1.count <= parameters.count { continue }
            best = (route, parameters)
        }
        return best
    }
}
