public import Foundation

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

/// A market listed under a navigation node: the market overview plus `otcTradeable`.
public struct NavigationMarket: Codable, Sendable, Hashable {
    /// The market overview shared with search and watchlists.
    public var market: MarketSummary
    /// Whether the market can be dealt over the counter.
    public var otcTradeable: Bool?

    enum CodingKeys: String, CodingKey { case otcTradeable }

    /// Creates a navigation entry.
    public init(market: MarketSummary, otcTradeable: Bool?) {
        self.market = market
        self.otcTradeable = otcTradeable
    }

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        market = try MarketSummary(from: decoder)
        otcTradeable = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(Bool.self, forKey: .otcTradeable)
    }

    /// Encodes the value as IG's JSON.
    public func encode(to encoder: any Encoder) throws {
        try market.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(otcTradeable, forKey: .otcTradeable)
    }
}

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

    /// Decodes the value from IG's JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        nodes = try container.decodeIfPresent([NavigationNode].self, forKey: .nodes) ?? []
        markets = try container.decodeIfPresent([NavigationMarket].self, forKey: .markets) ?? []
    }
}

/// An instrument category of `GET /categories` (new IG docs).
public struct InstrumentCategory: Codable, Sendable, Hashable {
    /// The category code, e.g. `FX`.
    public var code: String
    /// Whether instruments of the category cannot be dealt.
    public var nonTradeable: Bool?
}

/// The body of `GET /categories`.
public struct InstrumentCategories: Codable, Sendable, Hashable {
    /// The categories.
    public var categories: [InstrumentCategory]
}

/// An instrument of `GET /categories/{categoryId}/instruments`.
public struct CategoryInstrument: Codable, Sendable, Hashable {
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic
    /// The instrument's name.
    public var instrumentName: String?
    /// `DFB` or a dated expiry for spread bets, `-` for CFDs.
    public var expiry: String?
    /// The instrument's type.
    public var instrumentType: InstrumentType?
    /// The lot size.
    public var lotSize: Decimal?
    /// Whether the market can be dealt over the counter.
    public var otcTradeable: Bool?
    /// Whether the market is tradeable, closed, on auction…
    public var marketStatus: MarketStatus?
    /// How many minutes the prices are delayed.
    public var delayTime: Int?
    /// The bid (sell) price.
    public var bid: Decimal?
    /// The offer (buy) price.
    public var offer: Decimal?
    /// Today's high.
    public var high: Decimal?
    /// Today's low.
    public var low: Decimal?
    /// Today's change in price.
    public var netChange: Decimal?
    /// Today's change in percent.
    public var percentageChange: Decimal?
    /// Account-local time of day (`HH:mm:ss`).
    public var updateTime: String?
    /// The factor between IG's prices and the underlying's.
    public var scalingFactor: Decimal?
}

/// Page position of a categories page (`metadata`).
public struct CategoryPageMetadata: Codable, Sendable, Hashable {
    /// This page's number, from 0.
    public var pageNumber: Int?
    /// Instruments per page.
    public var pageSize: Int?
}

/// The body of `GET /categories/{categoryId}/instruments`: one page of instruments.
public struct CategoryInstrumentsPage: Codable, Sendable, Hashable {
    /// The instruments of this page.
    public var instruments: [CategoryInstrument]
    /// Where this page is.
    public var metadata: CategoryPageMetadata?
}
