/// A string value sent by IG whose set of values is open-ended.
///
/// IG adds enum values over time (`KNOCKOUTS_*`, `CLOSINGS_ONLY`, `DEAL_NO_EDIT`…). Types that conform keep
/// the raw string, expose the known values as static constants and never fail to decode an unknown value.
public protocol IGStringValue: RawRepresentable, Codable, Hashable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
where RawValue == String {
    /// Creates the value from IG's raw string.
    init(rawValue: String)
}

extension IGStringValue {
    /// Creates the value from a string literal.
    public init(stringLiteral value: String) {
        self.init(rawValue: value)
    }

    /// Decodes the value from a single JSON string.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    /// Encodes the value as a single JSON string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A readable description (never contains a secret).
    public var description: String { rawValue }
}
