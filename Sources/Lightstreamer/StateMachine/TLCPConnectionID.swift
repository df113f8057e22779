/// Identifies one transport connection opened at the state machine's request. Events from a connection the machine
/// has since abandoned carry an old id and are ignored.
public struct TLCPConnectionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A number increasing with every connection.
    public let rawValue: Int

    /// Wraps a raw id.
    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Orders values by their raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A readable description (never contains a secret).
    public var description: String { "connection#\(rawValue)" }
}
