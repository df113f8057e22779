/// How the simulator's dealing engine behaves.
public struct DealingSettings: Sendable, Hashable {
    public init() {}
}
