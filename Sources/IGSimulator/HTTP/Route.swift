/// A REST route: method, path pattern (`:name` captures a segment) and handler.
struct Route: Sendable {
    let method: String
    let pattern: [String]
    let requiresAuthentication: Bool
    let handler: @Sendable (Call) throws -> RESTResponse

    init(
        _ method: String,
        _ path: String,
        authenticated: Bool = true,
        handler: @escaping @Sendable (Call) throws -> RESTResponse
    ) {
        self.method = method
        self.pattern = path.split(separator: "/").map(String.init)
        self.requiresAuthentication = authenticated
        self.handler = handler
    }

    /// Captured parameters when `path` matches the pattern (literal segments compare case-insensitively).
    func match(_ path: [String]) -> [String: String]? {
        guard path.count == self.pattern.count else { return nil }
        var parameters = [String: String]()
        for (literal, segment) in zip(self.pattern, path) {
            if literal.hasPrefix(":") {
                parameters[String(literal.dropFirst())] = segment
            } else if literal.lowercased() != segment.lowercased() {
                return nil
            }
        }
        return parameters
    }
}
