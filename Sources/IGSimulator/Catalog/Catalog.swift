import Foundation

/// The simulator's market catalog: instruments by epic, search and navigation.
public struct Catalog: Sendable {
    /// A navigation node (IG's `/marketnavigation`).
    public struct Node: Sendable, Hashable {
        /// Node id, e.g. `195235`.
        public var id: String
        /// Display name, e.g. `Forex`.
        public var name: String
        /// Parent node id, nil for top-level nodes.
        public var parentId: String?
    }

    /// Every instrument, in catalog order.
    public let instruments: [Instrument]
    /// Every navigation node, in display order.
    public let nodes: [Node]
    private let index: [String: Int]

    /// Builds the standard catalog; dated futures get expiries relative to `now`.
    public init(now: Date = Date()) {
        self.init(instruments: Self.standardInstruments(now: now), nodes: Self.standardNodes + Self.familyNodes)
    }

    /// Builds a catalog from explicit content.
    public init(instruments: [Instrument], nodes: [Node]) {
        self.instruments = instruments
        self.nodes = nodes
        var index = [String: Int]()
        for (offset, instrument) in instruments.enumerated() { index[instrument.epic.uppercased()] = offset }
        self.index = index
    }

    /// The instrument of an epic (case-insensitive), or nil.
    public func instrument(epic: String) -> Instrument? {
        self.index[epic.uppercased()].map { self.instruments[$0] }
    }

    /// Instruments whose epic or name contains `term`, ignoring case; punctuation is ignored as well, so
    /// `EUR/USD`, `eurusd` and `EURUSD` all find the EUR/USD markets.
    public func search(_ term: String) -> [Instrument] {
        let needle = term.trimmingCharacters(in: .whitespaces).lowercased()
        guard !needle.isEmpty else { return [] }
        let compactNeedle = Self.compact(needle)
        return self.instruments.filter { instrument in
            let name = instrument.name.lowercased()
            let epic = instrument.epic.lowercased()
            if name.contains(needle) || epic.contains(needle) { return true }
            guard !compactNeedle.isEmpty else { return false }
            return Self.compact(name).contains(compactNeedle) || Self.compact(epic).contains(compactNeedle)
                || instrument.marketId.lowercased() == compactNeedle
        }
    }

    /// Top-level navigation nodes.
    public var topLevelNodes: [Node] { self.nodes.filter { $0.parentId == nil } }

    /// A node by id.
    public func node(id: String) -> Node? { self.nodes.first { $0.id == id } }

    /// Child nodes of a node.
    public func children(of id: String) -> [Node] { self.nodes.filter { $0.parentId == id } }

    /// Instruments listed directly under a (leaf) node.
    public func instruments(inNode id: String) -> [Instrument] {
        self.instruments.filter { $0.navigationPath.last == id }
    }

    private static func compact(_ text: String) -> String {
        String(text.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
}
