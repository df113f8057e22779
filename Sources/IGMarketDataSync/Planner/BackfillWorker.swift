/// The default name of a process in a store's shared queue: `<host>/<account>/<process id>`, e.g.
/// `build-7.example.com/ABC123/48213`.
///
/// Every process that claims work units needs a name no other running process uses: a worker takes back at once the
/// units claimed under its own name (so a process restarted under the same name resumes), and two processes under
/// one name would take each other's claims. The host keeps machines apart, the account (IG's account id, known once
/// logged in) the syncs of one machine that use different accounts, and the process id the syncs of one machine and
/// account. A ``BackfillRunner`` created without a worker name runs under ``thisProcess(account:)``, as
/// `ig history sync` does without `--worker`: a store filled by either sees the same names.
///
/// Because the name says which process of which machine held a unit, a process of the same machine and account can
/// tell that the holder has ended and release its units at once
/// (``releaseClaimsOfEndedProcesses(in:environment:now:)``) instead of waiting for their lease.
public struct BackfillWorker: Sendable, Hashable {
    /// The machine's host name, as `ProcessInfo.processInfo.hostName` gives it.
    public var host: String
    /// IG's id of the account the process is logged in with.
    public var account: String
    /// The process id.
    public var processIdentifier: Int32

    /// The name of process `processIdentifier` on `host`, logged in with `account`.
    public init(host: String, account: String, processIdentifier: Int32) {
        self.host = host
        self.account = account
        self.processIdentifier = processIdentifier
    }

    /// Reads a worker name written as ``description``; nil for any other name (one given with `--worker`, or the
    /// `<host>/<account>` names of versions before the process id was added). The host may hold `/`; the account and
    /// the process id (a whole number above 0, written without sign or leading zero) may not.
    public init?(_ name: String) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        // Written as `description` writes it: no sign, no leading zero.
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 1]), pid > 0,
            String(pid) == parts[parts.count - 1]
        else { return nil }
        let account = parts[parts.count - 2]
        let host = parts[..<(parts.count - 2)].joined(separator: "/")
        guard !account.isEmpty, !host.isEmpty else { return nil }
        self.init(host: host, account: String(account), processIdentifier: pid)
    }

    /// Whether `other` names a process of the same machine and account (itself included).
    public func sharesHostAndAccount(with other: BackfillWorker) -> Bool {
        host == other.host && account == other.account
    }
}

extension BackfillWorker: CustomStringConvertible {
    /// The name as the queue stores it: `<host>/<account>/<process id>`.
    public var description: String { "\(host)/\(account)/\(processIdentifier)" }
}
