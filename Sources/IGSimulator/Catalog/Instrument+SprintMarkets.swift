import Foundation

extension Instrument {
    /// Whether this is a sprint market (type `SPRINT_MARKET`).
    var isSprintMarket: Bool { self.instrumentType == "SPRINT_MARKET" }
}
