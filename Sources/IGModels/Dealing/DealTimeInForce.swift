/// Position order time in force.
public struct DealTimeInForce: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Fill what can be filled now and cancel the rest (`EXECUTE_AND_ELIMINATE`).
    public static let executeAndEliminate: Self = "EXECUTE_AND_ELIMINATE"
    /// Fill the whole size now or nothing (`FILL_OR_KILL`).
    public static let fillOrKill: Self = "FILL_OR_KILL"
}
