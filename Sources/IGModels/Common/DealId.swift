/// The identifier IG gives an open position or working order (e.g. `DIAAAAR9B5SK7AF`).
public struct DealId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}
