import Foundation

/// What a soak run does and for how long.
struct SoakPlan: Sendable {
    var wall: Duration
    var warmup: Duration
    var wipeEvery: Duration
    var faultEvery: Duration
    var subscriptions: Int
    var compression: Double

    /// The IG time the run stands for.
    var simulatedHours: Double { Double(self.wall.components.seconds) * self.compression / 3600 }

    var summary: String {
        "soak: \(self.wall) wall ≈ \(String(format: "%.1f", self.simulatedHours)) h of IG at ×\(self.compression); "
            + "\(self.subscriptions) PRICE subscriptions; v2 + v3 REST loops; a session wipe every \(self.wipeEvery), "
            + "a streaming fault every \(self.faultEvery)"
    }
}
