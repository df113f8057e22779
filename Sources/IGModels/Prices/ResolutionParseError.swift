import Foundation

/// An unknown resolution name.
public struct ResolutionParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the caller passed.
    public var input: String

    /// Creates the error for text that is not a resolution.
    public init(input: String) { self.input = input }

    /// A readable description (never contains a secret).
    public var description: String {
        "Unknown resolution '\(input)'. Use an IG name ("
            + Resolution.allCases.map(\.rawValue).joined(separator: ", ")
            + ") or an alias such as 1Min, 5Min, 1h, 4h, D, W, ME, hourly, daily."
    }
}
