import Foundation
import IGSimulator
import Lightstreamer

/// What a soak run saw.
struct SoakResult: Sendable {
    var restCalls = 0
    var updates = 0
    var gaps = 0
    var wipes = 0
    var faults: [String: Int] = [:]
    /// Errors that reached the caller.
    var surfaced = 0
    /// The first of them, whole.
    var surfacedErrors: [String] = []
    var gauges: [ProcessGauge] = []
    var streaming = LightstreamerClientStatistics()
    var simulator = SimulatorStatistics()

    func print(plan: SoakPlan) {
        let first = self.gauges.first
        let last = self.gauges.last
        Swift.print(plan.summary)
        Swift.print("soak: errors surfaced to the caller   \(self.surfaced)")
        for error in self.surfacedErrors.prefix(10) { Swift.print("  \(error)") }
        Swift.print("soak: REST calls answered          \(self.restCalls)")
        Swift.print(
            "soak: logins \(self.simulator.totalLogins) (by version \(self.simulator.logins.sorted { $0.key < $1.key })), "
                + "token refreshes \(self.simulator.refreshes), session wipes \(self.wipes)")
        Swift.print(
            "soak: streaming updates \(self.updates), gaps signalled \(self.gaps), faults injected "
                + "\(self.faults.values.reduce(0, +)) \(self.faults.sorted { $0.key < $1.key })")
        Swift.print(
            "soak: streaming sessions established \(self.streaming.sessionsEstablished), connections opened "
                + "\(self.streaming.connectionsOpened), rebinds \(self.streaming.rebinds), recoveries "
                + "\(self.streaming.recoveries), credential requests \(self.streaming.credentialRequests)")
        if let first, let last {
            let peak = self.gauges.map(\.residentMegabytes).max() ?? 0
            Swift.print("soak: after warm-up \(first); at the end \(last); peak RSS \(String(format: "%.1f", peak)) MB")
            Swift.print(
                "RESULT soak minutes=\(Double(plan.wall.components.seconds) / 60) surfaced=\(self.surfaced) "
                    + "rest=\(self.restCalls) updates=\(self.updates) gaps=\(self.gaps) "
                    + "fds_start=\(first.fileDescriptors) fds_end=\(last.fileDescriptors) "
                    + String(
                        format: "rss_start_mb=%.1f rss_end_mb=%.1f", first.residentMegabytes, last.residentMegabytes))
        }
    }
}
