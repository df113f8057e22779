/// Position order time in force.
public struct DealTimeInForce: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let executeAndEliminate: Self = "EXECUTE_AND_ELIMINATE"
    public static let fillOrKill: Self = "FILL_OR_KILL"
}
