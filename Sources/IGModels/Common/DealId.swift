/// The identifier IG gives an open position or working order (e.g. `DIAAAAR9B5SK7AF`).
public struct DealId: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
}
