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
public struct BackfillRunner: Sendable {
    /// The cache that fetches and records each unit.
    public let cache: PriceCache
    /// This process's name in the queue (default: host name and account).
    public let worker: String
    /// Points of the weekly allowance never spent.
    public let reserve: Int
    /// How long a claim holds before another worker may take the unit over.
    public let lease: Duration

    /// A runner for this process: `worker` names it in the queue, `reserve` points are never spent, a claim holds for `lease`.
    public init(cache: PriceCache, worker: String, reserve: Int, lease: Duration = .seconds(300)) {
        self.cache = cache
        self.worker = worker
        self.reserve = reserve
        self.lease = lease
    }

    /// Queues the plan and works through the queue until it is empty or the allowance (less the reserve) is spent.
    public func run(
        _ plan: BackfillPlan, now: @Sendable () -> Date = { Date() },
        progress: @Sendable (SyncProgress) -> Void = { _ in }
    ) async throws(PriceCacheError) -> SyncReport {
        let store = cache.store
        let environment = cache.environment
        do { try await store.enqueue(plan.plannedUnits) } catch { throw .store(error) }
        if await cache.client.session.current == nil {
            do { try await cache.client.session.login() } catch { throw .ig(error) }
        }
        let account = await cache.client.session.current?.accountId.rawValue ?? ""
        var report = SyncReport()
        let known = try await knownAllowance(account: account, now: now())
        var budget = known.map { $0.remaining - reserve }
        report.remaining = known?.remaining
        // Whether `budget` comes from IG in this run. The store's figure may be stale (the week reset, or a simulator
        // started afresh), so before the run stops on it IG is asked (one point), unless even a whole allowance
        // would not leave room for the unit above the reserve. With no figure at all (a new store, a quiet week) and
        // a reserve to keep, IG is asked before the first unit, so the reserve holds from the start.
        var budgetFromIG = false
        while true {
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
            let coverage: Coverage
            do {
                coverage = try await store.coverage(unit.key)
            } catch {
                if await interrupted(holding: unit, report: &report) { break }
                throw .store(error)
            }
            let gaps = coverage.missing(in: unit.range)
            let needed = gaps.reduce(0) { $0 + BarClock.barCount(in: $1, unit.key.resolution) }
            let unknownWithReserve = budget == nil && reserve > 0 && needed > 0
            let shortOnStaleFigure =
                budget.map { needed > $0 && needed <= (known?.total ?? Int.max) - reserve } ?? false
            if !budgetFromIG, unknownWithReserve || shortOnStaleFigure {
                do {
                    let probe = try await cache.probeAllowance(epic: unit.key.epic, resolution: unit.key.resolution)
                    report.points += probe.bars.count
                    report.probePoints += probe.bars.count
                    report.requests += 1
                    if let allowance = probe.allowance {
                        budget = allowance.remainingAllowance - reserve
                        report.remaining = allowance.remainingAllowance
                        report.resetsAt = now().addingTimeInterval(TimeInterval(allowance.allowanceExpiry))
                    }
                    budgetFromIG = true
                } catch {
                    if try await stops(on: error, unit: unit, report: &report) { break } else { continue }
                }
            }
            if let left = budget, needed > left {
                try? await store.release(unit: unit.id, worker: worker)
                report.stop = .reserve
                report.nextUnitPoints = needed
                break
            }
            do {
                for gap in gaps {
                    var outcome = FetchOutcome()
                    do {
                        try await cache.fetch(unit.key, gap, now: start, into: &outcome)
                    } catch {
                        // What was committed before the failure (or Ctrl-C) counts in the summary.
                        report.count(outcome)
                        throw error
                    }
                    report.count(outcome)
                    if let allowance = outcome.allowance {
                        budgetFromIG = true
                        budget = allowance.remainingAllowance - reserve
                        report.remaining = allowance.remainingAllowance
                        report.resetsAt = now().addingTimeInterval(TimeInterval(allowance.allowanceExpiry))
                    } else if let left = budget {
                        budget = left - outcome.bars
                    }
                }
                try await store.commit(
                    FetchedBars(key: unit.key, rows: [], covered: TimeRange(start: 0, end: 0)), completing: unit.id,
                    now: start)
            } catch let error as PriceCacheError {
                if try await stops(on: error, unit: unit, report: &report) { break } else { continue }
            } catch let error as StoreError {
                if await interrupted(holding: unit, report: &report) { break }
                throw .store(error)
            } catch {
                throw .store(StoreError(.database, "\(error)"))
            }
            report.units += 1
            progress(
                SyncProgress(
                    unitsDone: report.units, unitsPlanned: plan.unitCount, points: report.points,
                    pointsPlanned: plan.points, series: unit.key.description))
        }
        if report.resetsAt == nil || report.remaining == nil {
            if let status = try? await store.allowance(
                environment: environment, since: now().addingTimeInterval(-7 * 86_400)
            )
            .first(where: { $0.account == account }) {
                report.remaining = report.remaining ?? status.remaining
                report.resetsAt = report.resetsAt ?? status.resetsAt
            }
        }
        return report
    }

    /// What a failed request for `unit` means for the run: true when the allowance is used up (the run stops, the
    /// unit released for a later one), false when IG refuses the unit (set aside, the run goes on); anything else is
    /// thrown, the unit released.
    private func stops(
        on error: PriceCacheError, unit: WorkUnit, report: inout SyncReport
    ) async throws(PriceCacheError) -> Bool {
        if await interrupted(holding: unit, report: &report) { return true }
        if case .ig(let igError) = error, Self.refuses(igError) {
            try await setAside(unit, igError, in: &report)
            return false
        }
        try? await cache.store.release(unit: unit.id, worker: worker)
        if case .ig(let igError) = error, Self.isAllowanceExhausted(igError) {
            report.stop = .allowanceExhausted
            return true
        }
        throw error
    }

    /// When the run's task was cancelled: releases `unit` for the next run (from a task of its own, which the
    /// cancellation does not reach, so the store does the release), marks the report interrupted and returns true.
    private func interrupted(holding unit: WorkUnit, report: inout SyncReport) async -> Bool {
        guard Task.isCancelled else { return false }
        let store = cache.store
        let worker = worker
        await Task { try? await store.release(unit: unit.id, worker: worker) }.value
        report.stop = .interrupted
        return true
    }

    /// Marks `unit` failed and reports why: IG will refuse it every time, so it is set aside, not left pending for
    /// every later run.
    private func setAside(
        _ unit: WorkUnit, _ error: IGError, in report: inout SyncReport
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
