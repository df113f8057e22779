import Foundation

/// A node of IG's market navigation tree (`GET /marketnavigation`).
public struct NavigationNode: Codable, Sendable, Hashable {
    /// The node id, e.g. `195235`.
    public var id: String
    /// The display name, e.g. `Forex`.
    public var name: String

    /// Creates a node.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
