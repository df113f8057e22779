/// The client's handle on a subscription. Stable for the subscription's whole life, across sessions (unlike the
/// server-side `LS_subId`, which changes with every session).
public struct TLCPSubscriptionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The raw value.
    public let rawValue: Int

    /// Wraps a raw id.
    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "subscription#\(rawValue)" }
}
