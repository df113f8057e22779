import IGSimulator
import Lightstreamer
import Synchronization

/// The counters of a soak run, shared by its tasks.
final class SoakTally: Sendable {
    private let state = Mutex(SoakResult())

    var result: SoakResult { self.state.withLock { $0 } }

    var progressLine: String {
        self.state.withLock {
            "REST ok \($0.restCalls), updates \($0.updates), gaps \($0.gaps), faults \($0.faults.values.reduce(0, +)), "
                + "wipes \($0.wipes), errors surfaced \($0.surfaced)"
        }
    }

    func restSucceeded(_ calls: Int) { self.state.withLock { $0.restCalls += calls } }
    func update() { self.state.withLock { $0.updates += 1 } }
    func gap() { self.state.withLock { $0.gaps += 1 } }
    func wiped() { self.state.withLock { $0.wipes += 1 } }
    func faulted(_ kind: String) { self.state.withLock { $0.faults[kind, default: 0] += 1 } }
    /// Counts an error that reached the caller; the first ten are kept whole for the report.
    func surfaced(_ error: String) {
        self.state.withLock {
            $0.surfaced += 1
            if $0.surfacedErrors.count < 10 { $0.surfacedErrors.append(error) }
        }
    }
    func sampled(_ gauge: ProcessGauge) { self.state.withLock { $0.gauges.append(gauge) } }
    func setStreaming(_ statistics: LightstreamerClientStatistics) { self.state.withLock { $0.streaming = statistics } }
    func setSimulator(_ statistics: SimulatorStatistics) { self.state.withLock { $0.simulator = statistics } }
}
