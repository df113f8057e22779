public import Foundation
import IGMarketData
import IGModels
import IGTrading

/// Runs a ``BackfillPlan`` through the store's shared queue: the plan's units are queued (once, whoever queues them
/// first), then claimed one at a time, fetched (only what is still missing in them) and marked done. A unit IG
/// refuses (an unknown epic) is marked failed and reported in ``SyncReport/failures``; the run goes on without it.
///
/// Any number of processes, each logged in with its own account, can run the same plan against one PostgreSQL store:
/// a unit is claimed atomically by one of them, and a crashed process's claim expires after ``lease`` and is taken
/// over. A process re-claims its own unfinished units (same ``worker`` name) at once, so a run killed with `kill -9`
/// resumes where it stopped. Every page is committed with the coverage it completes, so nothing is fetched twice.
///
/// Without a ``worker`` name the runner names itself as `ig history sync` does without `--worker`
/// (``BackfillWorker/thisProcess(account:)``: host, account and process id), and before it claims anything it releases
/// the units that an ended process of this machine and account held under such a name
/// (``BackfillWorker/releaseClaimsOfEndedProcesses(in:environment:now:)``): a program restarted after `kill -9` or a
/// reboot takes its unfinished units back at once, as the command does, and two copies of one program on one
/// machine never share a name.
///
/// The run ends early when its task is cancelled: the unit in hand is released for the next run and the report says
/// ``SyncReport/StopReason/interrupted``. To stop on Ctrl-C or SIGTERM as `ig history sync` does, cancel the task that
/// runs ``run(_:now:progress:waiting:)`` when the signal arrives (with swift-service-lifecycle,
/// `cancelWhenGracefulShutdown`).
///
/// When IG refuses a request for a per-minute request allowance (other processes on the same API key or account use
/// it too), the runner keeps its unit (its claim extended past the wait), waits for the window to roll over
/// (``rateLimits``) and goes on with what the unit still lacks; it stops with
/// ``SyncReport/StopReason/requestRateLimited`` only when waits in a row do not help.
public struct BackfillRunner: Sendable {
    /// The cache that fetches and records each unit.
    public let cache: PriceCache
    /// This process's name in the queue, which no other running process may share: a runner takes back at once the
    /// units claimed under its name, so two processes with one name would take each other's claims. Nil (the
    /// default): this process's default name, ``BackfillWorker/thisProcess(account:)`` for the account the client is
    /// logged in with, as `ig history sync` names itself unless given `--worker`; ``SyncReport/worker`` says which
    /// name a run used.
    public let worker: String?
    /// Points of the weekly allowance never spent.
    public let reserve: Int
    /// How long a claim holds before another worker may take the unit over.
    public let lease: Duration
    /// How the run waits when IG refuses a request for a per-minute allowance.
    public let rateLimits: RateLimitBackoff

    /// A runner for this process: `worker` names it in the queue (default: this process's default name, see
    /// ``worker``), `reserve` points are never spent, a claim holds for `lease`. `rateLimits` (default: waits of the
    /// client's rate-limiting window, IG's minute) says how per-minute allowance refusals are waited out.
    public init(
        cache: PriceCache, worker: String? = nil, reserve: Int, lease: Duration = .seconds(300),
        rateLimits: RateLimitBackoff? = nil
    ) {
        self.cache = cache
        self.worker = worker
        self.reserve = reserve
        self.lease = lease
        self.rateLimits =
            rateLimits ?? RateLimitBackoff(window: cache.client.configuration.rateLimiting.window)
    }

    /// Queues the plan and works through the queue until it is empty or the allowance (less the reserve) is spent.
    /// `progress` is told after each unit, `waiting` before each wait for a per-minute allowance.
    ///
    /// Each unit is queued under the spelling the store holds its epic in (`EpicSpellings`; a plan made with
    /// ``BackfillPlan/init(targets:store:environment:now:limit:)`` already names it), so a plan that names an epic in
    /// another letter case fetches only what the stored series lacks.
    ///
    /// Logs the client in first when it is not (waiting out IG's per-minute request allowance as for a price
    /// request). Under this process's default name (``worker`` nil, or spelled as
    /// ``BackfillWorker/thisProcess(account:)`` spells it), the units that ended processes of this machine and
    /// account held under their default names are then released, and claimed like any other waiting unit.
    public func run(
        _ plan: BackfillPlan, now: @Sendable () -> Date = { Date() },
        progress: @Sendable (SyncProgress) -> Void = { _ in },
        waiting: @Sendable (SyncWait) -> Void = { _ in }
    ) async throws(PriceCacheError) -> SyncReport {
        let store = cache.store
        let environment = cache.environment
        do {
            // A plan made from coverage alone may name an epic in another letter case than the store holds it in.
            var spellings = try await EpicSpellings(of: store, environment: environment)
            try await store.enqueue(
                plan.plannedUnits.map { unit in
                    var unit = unit
                    unit.key = spellings.file(unit.key)
                    return unit
                })
        } catch {
            throw .store(error)
        }
        if await cache.client.session.current == nil {
            let session = cache.client.session
            do {
                try await Self.waitingOutRateLimits(
                    rateLimits, waiting: waiting,
                    sharedDone: { try? await store.queue(environment: environment).done }
                ) { () async throws(IGError) in try await session.login() }
            } catch {
                guard error.code == .cancelled, Task.isCancelled else { throw .ig(error) }
                var report = SyncReport()
                report.stop = .interrupted
                return report
            }
        }
        let account = await cache.client.session.current?.accountId.rawValue ?? ""
        var report = SyncReport()
        let worker =
            self.worker ?? BackfillWorker.thisProcess(account: account.isEmpty ? "account" : account).description
        report.worker = worker
        if let named = BackfillWorker(worker), named.isThisProcess {
            do {
                try await named.releaseClaimsOfEndedProcesses(in: store, environment: environment, now: now())
            } catch {
                throw .store(error)
            }
        }
        let known = try await knownAllowance(account: account, now: now())
        var budget = known.map { $0.remaining - reserve }
        report.remaining = known?.remaining
        report.total = known?.total
        // Whether `budget` comes from IG in this run. The store's figure may be stale (the week reset, or a simulator
        // started afresh), so before the run stops on it IG is asked (one point), unless even a whole allowance
        // would not leave room for the unit above the reserve. With no figure at all (a new store, a quiet week) and
        // a reserve to keep, IG is asked before the first unit, so the reserve holds from the start.
        var budgetFromIG = false
        var backoff = rateLimits
        units: while true {
            if Task.isCancelled {
                report.stop = .interrupted
                break
            }
            let start = now()
            let claim: WorkClaim?
            do {
                claim = try await store.claim(
                    environment: environment, worker: worker, until: start.addingTimeInterval(lease.seconds),
                    now: start)
            } catch {
                throw .store(error)
            }
            guard let claim else { break }
            let unit = claim.unit
            // The unit is worked on until it is done; after a wait for a per-minute allowance, what it still lacks is
            // read again, so that nothing committed before the refusal is fetched twice.
            attempts: while true {
                let coverage: Coverage
                do {
                    coverage = try await store.coverage(unit.key)
                } catch {
                    if await interrupted(holding: unit, worker: worker, report: &report) { break units }
                    throw .store(error)
                }
                let gaps = coverage.missing(in: unit.range)
                let needed = gaps.reduce(0) { $0 + BarClock.barCount(in: $1, unit.key.resolution) }
                let unknownWithReserve = budget == nil && reserve > 0 && needed > 0
                let shortOnStaleFigure =
                    budget.map { needed > $0 && needed <= (known?.total ?? Int.max) - reserve } ?? false
                if !budgetFromIG, unknownWithReserve || shortOnStaleFigure {
                    do {
                        let probe = try await cache.probeAllowance(
                            epic: unit.key.epic, resolution: unit.key.resolution)
                        report.points += probe.bars.count
                        report.probePoints += probe.bars.count
                        report.requests += 1
                        if let allowance = probe.allowance {
                            budget = allowance.remainingAllowance - reserve
                            report.record(allowance, now: now())
                        }
                        budgetFromIG = true
                    } catch {
                        switch try await next(
                            after: error, unit: unit, worker: worker, report: &report, backoff: &backoff, now: now,
                            waiting: waiting)
                        {
                        case .stop: break units
                        case .nextUnit: continue units
                        case .sameUnit: continue attempts
                        }
                    }
                }
                if let left = budget, needed > left {
                    try? await store.release(unit: unit.id, worker: worker)
                    report.stop = .reserve
                    report.nextUnitPoints = needed
                    break units
                }
                do {
                    for gap in gaps {
                        var outcome = FetchOutcome()
                        do {
                            try await cache.fetch(unit.key, gap, now: start, into: &outcome)
                        } catch {
                            // What was committed before the failure (or Ctrl-C) counts in the summary.
                            report.count(outcome, now: now())
                            if outcome.requests > 0 { backoff.progressed() }
                            throw error
                        }
                        report.count(outcome, now: now())
                        if outcome.requests > 0 { backoff.progressed() }
                        if let allowance = outcome.allowance {
                            budgetFromIG = true
                            budget = allowance.remainingAllowance - reserve
                        } else if let left = budget {
                            budget = left - outcome.bars
                        }
                    }
                    try await store.commit(
                        FetchedBars(key: unit.key, rows: [], covered: TimeRange(start: 0, end: 0)),
                        completing: unit.id, now: start)
                } catch let error as PriceCacheError {
                    switch try await next(
                        after: error, unit: unit, worker: worker, report: &report, backoff: &backoff, now: now,
                        waiting: waiting)
                    {
                    case .stop: break units
                    case .nextUnit: continue units
                    case .sameUnit: continue attempts
                    }
                } catch let error as StoreError {
                    if await interrupted(holding: unit, worker: worker, report: &report) { break units }
                    throw .store(error)
                } catch {
                    throw .store(StoreError(.database, "\(error)"))
                }
                break attempts
            }
            backoff.progressed()
            report.units += 1
            progress(
                SyncProgress(
                    unitsDone: report.units, unitsPlanned: plan.unitCount, points: report.points - report.probePoints,
                    pointsPlanned: plan.points, series: unit.key.description))
        }
        if report.resetsAt == nil || report.remaining == nil {
            if let status = try? await store.allowance(
                environment: environment, since: now().addingTimeInterval(-7 * 86_400)
            )
            .first(where: { $0.account == account }) {
                report.remaining = report.remaining ?? status.remaining
                report.resetsAt = report.resetsAt ?? status.resetsAt
                report.total = report.total ?? status.total
            }
        }
        return report
    }

    /// What the run does after a failed request for `unit`.
    private enum NextStep {
        /// The run ends (the allowance is used up, or it was interrupted); the unit was released.
        case stop
        /// The unit was set aside (or is no longer this worker's): the run claims the next one.
        case nextUnit
        /// The run waited for a per-minute allowance and goes on with the unit, still claimed.
        case sameUnit
    }

    /// What a failed request for `unit` means for the run: a per-minute allowance refusal is waited out with the
    /// unit kept (``NextStep/sameUnit``) until ``rateLimits`` gives up; the weekly allowance used up stops the run,
    /// the unit released for a later one; a unit IG refuses is set aside and the run goes on; anything else is
    /// thrown, the unit released.
    private func next(
        after error: PriceCacheError, unit: WorkUnit, worker: String, report: inout SyncReport,
        backoff: inout RateLimitBackoff, now: @Sendable () -> Date, waiting: @Sendable (SyncWait) -> Void
    ) async throws(PriceCacheError) -> NextStep {
        if await interrupted(holding: unit, worker: worker, report: &report) { return .stop }
        if let igError = error.igError, Self.refuses(igError) {
            try await setAside(unit, igError, worker: worker, in: &report)
            return .nextUnit
        }
        if let igError = error.igError, Self.isRateLimited(igError) {
            // Waiting is not in vain while other workers get the shared plan on.
            backoff.observe(sharedDone: try? await cache.store.queue(environment: cache.environment).done)
            guard let pause = backoff.refused(retryAfter: igError.retryAfter, random: Double.random(in: 0...1))
            else {
                try? await cache.store.release(unit: unit.id, worker: worker)
                report.stop = .requestRateLimited
                return .stop
            }
            // The claim is extended past the wait, so no other worker takes the unit over meanwhile.
            let held: Bool
            do {
                held = try await cache.store.renew(
                    unit: unit.id, worker: worker, until: now().addingTimeInterval(pause.seconds + lease.seconds))
            } catch {
                if await interrupted(holding: unit, worker: worker, report: &report) { return .stop }
                try? await cache.store.release(unit: unit.id, worker: worker)
                throw .store(error)
            }
            report.rateLimitWaits += 1
            waiting(SyncWait(pause, errorCode: igError.errorCode, backoff: backoff))
            do {
                try await Task.sleep(for: pause)
            } catch {
                _ = await interrupted(holding: unit, worker: worker, report: &report)
                report.stop = .interrupted
                return .stop
            }
            return held ? .sameUnit : .nextUnit
        }
        try? await cache.store.release(unit: unit.id, worker: worker)
        if let igError = error.igError, Self.isAllowanceExhausted(igError) {
            report.stop = .allowanceExhausted
            return .stop
        }
        throw error
    }

    /// When the run's task was cancelled: releases `unit`, held by `worker`, for the next run (from a task of its own,
    /// which the cancellation does not reach, so the store does the release), marks the report interrupted and returns
    /// true.
    private func interrupted(holding unit: WorkUnit, worker: String, report: inout SyncReport) async -> Bool {
        guard Task.isCancelled else { return false }
        let store = cache.store
        await Task { try? await store.release(unit: unit.id, worker: worker) }.value
        report.stop = .interrupted
        return true
    }

    /// Marks `unit` failed and reports why: IG will refuse it every time, so it is set aside, not left pending for
    /// every later run.
    private func setAside(
        _ unit: WorkUnit, _ error: IGError, worker: String, in report: inout SyncReport
    ) async throws(PriceCacheError) {
        do { try await cache.store.fail(unit: unit.id, worker: worker) } catch { throw .store(error) }
        report.failures.append(
            SyncFailure(
                key: unit.key, range: unit.range, reason: error.advice ?? error.description,
                errorCode: error.errorCode?.rawValue))
    }

    /// Whether IG refused a request because the weekly historical allowance is used up.
    static func isAllowanceExhausted(_ error: IGError) -> Bool {
        error.code == .allowanceExhausted || error.errorCode == .exceededHistoricalDataAllowance
    }

    /// Whether IG refused a request for a per-minute request allowance (of the API key or the account), which frees
    /// itself within the window; the weekly historical allowance is not one of them.
    static func isRateLimited(_ error: IGError) -> Bool {
        error.errorCode?.isRateAllowance == true || (error.errorCode == nil && error.httpStatus == 429)
    }

    /// Whether IG refused the request itself (a 4xx other than authentication, permission, allowance and pacing):
    /// asking again gets the same answer.
    static func refuses(_ error: IGError) -> Bool {
        guard error.code == .httpStatus, let status = error.httpStatus else { return false }
        return (400..<500).contains(status) && ![401, 403, 429].contains(status)
    }

    /// The remaining and total allowance IG last reported for this account, when that report is still current.
    private func knownAllowance(
        account: String, now: Date
    ) async throws(PriceCacheError) -> (remaining: Int, total: Int?)? {
        let statuses: [AllowanceStatus]
        do {
            statuses = try await cache.store.allowance(
                environment: cache.environment, since: now.addingTimeInterval(-7 * 86_400))
        } catch {
            throw .store(error)
        }
        guard let status = statuses.first(where: { $0.account == account }), let resets = status.resetsAt,
            resets > now, let remaining = status.remaining
        else { return nil }
        return (remaining, status.total)
    }
}

extension Duration {
    /// Whole and fractional seconds.
    var seconds: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
