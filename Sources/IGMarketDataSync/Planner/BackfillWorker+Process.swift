import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension BackfillWorker {
    /// This machine's host name as worker names carry it (`ProcessInfo.processInfo.hostName`, read once per process).
    public static let thisHost: String = ProcessInfo.processInfo.hostName

    /// The default name of the process running this code, logged in with `account` (IG's account id, e.g.
    /// `session.current?.accountId`): ``thisHost``, the account and this process's id.
    public static func thisProcess(account: String) -> BackfillWorker {
        BackfillWorker(
            host: thisHost, account: account, processIdentifier: ProcessInfo.processInfo.processIdentifier)
    }

    /// Whether this names the process running this code (its host and process id; any account).
    public var isThisProcess: Bool {
        host == Self.thisHost && processIdentifier == ProcessInfo.processInfo.processIdentifier
    }

    /// Whether the named process is known to have ended: it belongs to this machine (``thisHost``) and no process
    /// with its id exists (`kill(pid, 0)` fails with `ESRCH`).
    ///
    /// False whenever that cannot be known: for another machine's name, and for a process id that exists, whoever
    /// runs it (`EPERM` counts as running). So the answer errs on the side of keeping a claim:
    /// - After a restart of the machine, its ids are handed out anew; an ended sync's id that an unrelated process has
    ///   since been given counts as running, and its units stay held until their lease runs out, as they would
    ///   without this check.
    /// - Processes that share a host name but not a process-id namespace (containers given the host's name) cannot
    ///   see each other: there a running sync of another container looks ended. Give such syncs names of their own
    ///   (`--worker`, or ``BackfillRunner/init(cache:worker:reserve:lease:rateLimits:)``'s `worker`).
    public var hasEnded: Bool {
        guard host == Self.thisHost else { return false }
        return kill(processIdentifier, 0) != 0 && errno == ESRCH
    }
}
