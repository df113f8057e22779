public import Foundation

/// What one ``BackfillRunner/run(_:now:progress:waiting:)`` did (one `ig history sync` run).
public struct SyncReport: Sendable, Hashable {
    /// Units this process completed.
    public var units: Int = 0
    /// Bars fetched and stored.
    public var bars: Int = 0
    /// Points spent.
    public var points: Int = 0
    /// The part of ``points`` spent asking IG what remains of the allowance (the last bar of a series, one point),
    /// before a run with no current figure or a stale one.
    public var probePoints: Int = 0
    /// Price requests sent.
    public var requests: Int = 0
    /// Why the run ended.
    public var stop: StopReason = .done
    /// The remaining allowance last known for this account.
    public var remaining: Int?
    /// When the allowance resets, when known.
    public var resetsAt: Date?
    /// The whole weekly allowance IG last reported for this account, when known.
    public var total: Int?
    /// The points the next unit could cost, when the run stopped before the reserve for it.
    public var nextUnitPoints: Int?
    /// Times the run waited for IG's per-minute request allowance to free up (see ``SyncWait``).
    public var rateLimitWaits: Int = 0
    /// Units IG refused (marked failed in the queue; the run went on with the others).
    public var failures: [SyncFailure] = []
    /// The name the run claimed units under: the runner's ``BackfillRunner/worker``, or this process's default name
    /// (``BackfillWorker/thisProcess(account:)``) when it has none. Nil when the run ended before it logged in.
    public var worker: String?

    /// Why a sync ended.
    public enum StopReason: Sendable, Hashable {
        /// Nothing left to fetch.
        case done
        /// The next unit would have eaten into the reserve.
        case reserve
        /// IG refused: the weekly allowance is used up.
        case allowanceExhausted
        /// IG kept refusing requests for a per-minute request allowance (other programs on the API key or account
        /// use it up): waits in a row for the window to roll over did not help. The unit in hand was released.
        case requestRateLimited
        /// The run's task was cancelled (Ctrl-C): the unit in hand was released for the next run.
        case interrupted
    }

    /// An empty report.
    public init() {}
}
