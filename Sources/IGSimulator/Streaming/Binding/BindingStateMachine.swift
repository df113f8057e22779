/// The decisions of one bound streaming connection, without I/O: what to write, when to generate live updates,
/// when to send `SYNC` or `PROBE`, and how the binding ends (`LOOP`, `END`, dropped, superseded, detached).
///
/// Times are durations since the binding started. The driver (``StreamingServer``'s pump) feeds wake-ups, the
/// session's pending command and the bytes it wrote, and performs the actions: generating updates, taking the
/// session's pending output, writing.
struct BindingStateMachine: Sendable {
    /// What the binding obeys: configuration, client options and the update rate.
    struct Limits: Sendable, Hashable {
        /// Nothing written for this long sends `PROBE` (80 % of the keepalive).
        var probeAfter: Duration
        /// Whether `SYNC` is sent every `syncInterval`.
        var sendSync: Bool
        var syncInterval: Duration
        /// The session ends with `END,48` once it is this old.
        var maximumSessionDuration: Duration?
        /// The connection is dropped, stalls, or loops this long after binding.
        var dropAfter: Duration?
        var stallAfter: Duration?
        var loopAfter: Duration?
        /// The HTTP byte budget; `LOOP,0` once it is used up. Nil on WebSocket.
        var contentLength: Int?
        /// Polling: write what is pending, then `LOOP,0`.
        var polling: Bool
        /// Milliseconds between two market ticks, and ticks per second.
        var tickInterval: Double
        var ticksPerSecond: Int
    }

    /// A command from the session's control side, with the stall deadline as a duration since binding.
    enum Command: Sendable, Hashable {
        case drop
        case stall(until: Duration?)
        case loop
        case end(code: Int, message: String)
        case superseded
        case detach
    }

    /// How the binding ends when a write is involved.
    struct Closing: Sendable, Hashable {
        /// Whether the session's pending output goes out before the trailer.
        var includesPending: Bool
        /// The last line (`LOOP,0` or `END,…`).
        var trailer: String
        /// The outcome once written.
        var outcome: StreamingServer.BindingOutcome
        /// The outcome when the write fails.
        var outcomeOnFailure: StreamingServer.BindingOutcome

        static func loop(includesPending: Bool) -> Closing {
            Closing(includesPending: includesPending, trailer: "LOOP,0", outcome: .loop, outcomeOnFailure: .dropped)
        }

        static func end(_ code: Int, _ message: String) -> Closing {
            Closing(
                includesPending: true, trailer: TLCPEncoding.end(code, message), outcome: .ended,
                outcomeOnFailure: .ended)
        }
    }

    /// Live updates to generate before taking the session's output.
    struct Generation: Sendable, Hashable {
        var markets: Bool
        var accounts: Bool
        /// Wall-clock milliseconds, the tick's index within its second and the ticks per second.
        var millis: Int64
        var index: Int
        var ticksPerSecond: Int
    }

    /// What to do on a wake-up.
    enum WakeAction: Sendable, Hashable {
        /// The binding ends without writing.
        case finish(StreamingServer.BindingOutcome)
        /// Write and end.
        case close(Closing)
        /// Stalled: write nothing.
        case skip
        /// Generate (when given), then take the output and pass it to ``compose(pending:at:)``.
        case send(Generation?)
    }

    let limits: Limits
    private var lastTick: Int64 = -1
    private var lastAccounts: Int64 = 0
    private var lastWrite: Duration = .zero
    private var lastSync: Duration = .zero
    private var bytes = 0
    /// Stalled: until a deadline, or indefinitely (`.some(nil)`).
    private var stall: Duration?? = nil
    private var stalledByConfiguration = false

    init(limits: Limits) {
        self.limits = limits
    }

    /// The preamble (and pending output) was written: a polling binding closes at once.
    mutating func preambleWritten(bytes: Int, at elapsed: Duration) -> Closing? {
        self.wrote(bytes: bytes, at: elapsed)
        return self.limits.polling ? .loop(includesPending: false) : nil
    }

    /// A wake-up (ticker or new output): obeys the command and the configured faults, then decides whether updates
    /// are due.
    mutating func wake(
        at elapsed: Duration, sessionAge: Duration, command: Command?, millis: Int64, accountsDirty: Bool
    ) -> WakeAction {
        if let action = self.obey(command) { return action }
        if let maximum = self.limits.maximumSessionDuration, sessionAge >= maximum {
            return .close(.end(48, "Maximum session duration"))
        }
        if let after = self.limits.dropAfter, elapsed >= after { return .finish(.dropped) }
        if let after = self.limits.stallAfter, elapsed >= after, !self.stalledByConfiguration {
            self.stalledByConfiguration = true
            self.stall = .some(nil)
        }
        if let pending = self.stall {
            guard let until = pending, elapsed >= until else { return .skip }
            self.stall = nil
        }
        if let after = self.limits.loopAfter, elapsed >= after { return .close(.loop(includesPending: true)) }
        return .send(self.generation(millis: millis, accountsDirty: accountsDirty))
    }

    /// The lines to write after a wake-up: the session's pending output, `SYNC` when due, `PROBE` when idle.
    mutating func compose(pending: [String], at elapsed: Duration) -> [String] {
        var lines = pending
        if self.limits.sendSync, elapsed - self.lastSync >= self.limits.syncInterval {
            lines.append("SYNC,\(Int(elapsed.seconds))")
            self.lastSync = elapsed
        }
        if lines.isEmpty, elapsed - self.lastWrite >= self.limits.probeAfter { lines = ["PROBE"] }
        return lines
    }

    /// Lines were written (or nothing, with `bytes` zero): closes with `LOOP,0` once the byte budget is used up.
    mutating func written(bytes: Int, at elapsed: Duration) -> Closing? {
        self.wrote(bytes: bytes, at: elapsed)
        if let budget = self.limits.contentLength, self.bytes >= budget { return .loop(includesPending: false) }
        return nil
    }

    private mutating func wrote(bytes: Int, at elapsed: Duration) {
        guard bytes > 0 else { return }
        self.bytes += bytes
        self.lastWrite = elapsed
    }

    private mutating func obey(_ command: Command?) -> WakeAction? {
        switch command {
        case .superseded: return .finish(.superseded)
        case .drop: return .finish(.dropped)
        case .detach: return .finish(.detached)
        case .loop: return .close(.loop(includesPending: true))
        case .end(let code, let message): return .close(.end(code, message))
        case .stall(let until):
            self.stall = .some(until)
            return nil
        case nil: return nil
        }
    }

    private mutating func generation(millis: Int64, accountsDirty: Bool) -> Generation? {
        let tick = Int64(Double(millis) / self.limits.tickInterval)
        let accountsDue = millis - self.lastAccounts >= 1000 || accountsDirty
        guard tick != self.lastTick || accountsDue else { return nil }
        let index = Self.tickIndex(
            millis, interval: self.limits.tickInterval, perSecond: self.limits.ticksPerSecond)
        let generation = Generation(
            markets: tick != self.lastTick, accounts: accountsDue, millis: millis, index: index,
            ticksPerSecond: self.limits.ticksPerSecond)
        self.lastTick = tick
        if accountsDue { self.lastAccounts = millis }
        return generation
    }

    /// Milliseconds between two ticks and ticks per engine second for an update rate.
    static func tickSpacing(_ updatesPerSecond: Double) -> (interval: Double, perSecond: Int) {
        let interval = Swift.max(1.0, 1000 / Swift.max(0.01, updatesPerSecond))
        return (interval, Swift.max(1, Int((1000 / interval).rounded(.down))))
    }

    /// The sub-tick of the second that `millis` falls in.
    static func tickIndex(_ millis: Int64, interval: Double, perSecond: Int) -> Int {
        Int(Double(millis % 1000) / interval) % perSecond
    }
}
