import Foundation

/// An unknown resolution name.
public struct ResolutionParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the caller passed.
    public var input: String
    /// The IG resolution whose name is at most two letters away from ``input`` and nearer than any other, when there
    /// is one: `HOUR` for `HOURS` or `HUOR`, `MINUTE_5` for `MINUTE5`.
    public var suggestion: Resolution?

    /// Creates the error for text that is not a resolution.
    public init(input: String) {
        self.input = input
        suggestion = Self.nearest(to: input)
    }

    /// Whether `text` is `1M`, which names a month in Binance's and pandas' spelling and a minute in `1m`'s.
    static func isAmbiguous(_ text: String) -> Bool { text == "1M" }

    /// A readable description (never contains a secret).
    public var description: String {
        if Self.isAmbiguous(input.trimmingCharacters(in: .whitespaces)) {
            return "'\(input)' is ambiguous: a month in Binance's and pandas' spelling, a minute as 1m. "
                + "Give 1min (MINUTE) or M (MONTH)."
        }
        return "Unknown resolution '\(input)'. "
            + (suggestion.map { "Did you mean \($0.rawValue)? " } ?? "")
            + "Use an IG name ("
            + Resolution.allCases.map(\.rawValue).joined(separator: ", ")
            + ") or an alias such as 1Min, 5Min, 1h, 4h, D, W, ME, hourly, daily."
    }

    /// The IG name nearest to `input` (case ignored), if it is at most two edits away, nearer than any other name,
    /// and the input is at most 20 characters. Names are compared as written and without their `_`, in that order,
    /// so `HOURS` is nearer `HOUR` than `HOUR_2`, and `MINUTE5` nearer `MINUTE_5` than `MINUTE`.
    private static func nearest(to input: String) -> Resolution? {
        let typed = input.trimmingCharacters(in: .whitespaces).uppercased()
        guard !typed.isEmpty, typed.count <= 20 else { return nil }
        let bare = typed.filter { $0 != "_" }
        let ranked = Resolution.allCases.compactMap { resolution -> (resolution: Resolution, distance: [Int])? in
            let name = resolution.rawValue
            let distance = [
                EditDistance.between(typed, name), EditDistance.between(bare, name.filter { $0 != "_" }),
            ]
            guard let nearest = distance.min(), nearest <= 2, nearest < typed.count else { return nil }
            return (resolution, distance)
        }
        .sorted { $0.distance.lexicographicallyPrecedes($1.distance) }
        // Two names as near (`MINUTE_4`: MINUTE_3 or MINUTE_5?) suggest neither.
        guard let best = ranked.first, ranked.dropFirst().first?.distance != best.distance else { return nil }
        return best.resolution
    }
}
