import Foundation

/// One routed call: the request, captured path parameters, the authenticated principal and the time.
struct Call: Sendable {
    var request: RESTRequest
    var parameters: [String: String]
    var principal: TokenAuthority.Principal?
    var now: Date

    /// A captured path parameter.
    func parameter(_ name: String) -> String { self.parameters[name] ?? "" }

    /// The authenticated principal (routes that require authentication always have one).
    var authenticated: TokenAuthority.Principal {
        guard let principal else { preconditionFailure("route requires authentication") }
        return principal
    }
}
