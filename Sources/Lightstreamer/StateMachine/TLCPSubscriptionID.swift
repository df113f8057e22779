/// The client's handle on a subscription. Stable for the subscription's whole life, across sessions (unlike the
/// server-side `LS_subId`, which changes with every session).
public struct TLCPSubscriptionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The raw value.
    public let rawValue: Int

    /// Wraps a raw id.
    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Orders values by their raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A readable description (never contains a secret).
    public var description: String { "subscription#\(rawValue)" }
}
