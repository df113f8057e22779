public import Foundation
public import IGMarketData

extension BackfillWorker {
    /// Releases the units of `environment`'s queue that another process of this worker's machine and account holds
    /// under its default name and that has ended (``hasEnded``: killed, or the machine restarted), so that the next
    /// claim takes them at once instead of after their lease. Returns the units released, as they were before.
    ///
    /// ``BackfillRunner/run(_:now:progress:waiting:)`` calls this before it claims anything when the runner runs
    /// under this process's default name (``thisProcess(account:)``), as `ig history sync` does without `--worker`.
    ///
    /// Never touches a unit held under a name of another machine (its processes cannot be seen from here), of another
    /// account, under a name given by hand (`--worker NAME`), by a process that is still running, or whose claim has
    /// run out (any worker may take that over anyway). A unit another worker took over meanwhile is not released: the
    /// store releases a unit only for the name that holds it.
    @discardableResult
    public func releaseClaimsOfEndedProcesses(
        in store: MarketDataStore, environment: String, now: Date = Date()
    ) async throws(StoreError) -> [QueuedUnit] {
        var released: [QueuedUnit] = []
        for queued in try await store.openUnits(environment: environment) where queued.isHeld(at: now) {
            guard let name = queued.worker, let holder = BackfillWorker(name), holder != self,
                holder.sharesHostAndAccount(with: self), holder.hasEnded
            else { continue }
            try await store.release(unit: queued.unit.id, worker: name)
            released.append(queued)
        }
        return released
    }
}
