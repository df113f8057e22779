/// How the simulator's Lightstreamer server behaves.
public struct StreamingSettings: Sendable, Hashable {
    public init() {}
}
