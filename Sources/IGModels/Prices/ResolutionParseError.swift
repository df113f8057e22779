import Foundation

/// An unknown resolution name.
public struct ResolutionParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the caller passed.
    public var input: String

    public init(input: String) { self.input = input }

    public var description: String {
        "Unknown resolution '\(input)'. Use an IG name ("
            + Resolution.allCases.map(\.rawValue).joined(separator: ", ")
            + ") or an alias such as 1Min, 5Min, 1h, 4h, D, W, ME."
    }
}
