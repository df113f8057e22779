import Foundation

/// The body of `GET /marketnavigation[/{nodeId}]`: child nodes and the markets of a node.
///
/// IG sends `null` for an absent list; both are decoded as empty arrays.
public struct MarketNavigation: Codable, Sendable, Hashable {
    /// Child nodes (empty on a leaf).
    public var nodes: [NavigationNode]
    /// Markets directly under the node (empty for the root and inner nodes).
    public var markets: [NavigationMarket]

    enum CodingKeys: String, CodingKey { case nodes, markets }

    /// Creates a navigation level.
    public init(nodes: [NavigationNode], markets: [NavigationMarket]) {
        self.nodes = nodes
        self.markets = markets
    }

    /// Creates a navigation level.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nodes = try container.decodeIfPresent([NavigationNode].self, forKey: .nodes) ?? []
        markets = try container.decodeIfPresent([NavigationMarket].self, forKey: .markets) ?? []
    }
}
