import Foundation
import IGMarketDataSync
import IGSimulatorTesting
import Testing

@Suite("A worker's default name in the shared queue")
struct BackfillWorkerTests {
    @Test("written as host/account/process id and read back; other names are not default names")
    func names() {
        let worker = BackfillWorker(host: "build-7.example.com", account: "ABC123", processIdentifier: 48_213)
        #expect(worker.description == "build-7.example.com/ABC123/48213")
        #expect(BackfillWorker(worker.description) == worker)
        #expect(
            BackfillWorker("lab/rack-2/ABC123/7")
                == BackfillWorker(host: "lab/rack-2", account: "ABC123", processIdentifier: 7))
        for name in [
            "nightly", "build-7/ABC123", "build-7/ABC123/", "build-7/ABC123/0", "build-7/ABC123/-5",
            "build-7/ABC123/+5", "build-7/ABC123/007", "build-7/ABC123/4294967296", "build-7/ABC123/12a", "build-7//5",
            "/ABC123/5", "", "//",
        ] {
            #expect(BackfillWorker(name) == nil, "\(name)")
        }
    }

    @Test("of the same machine and account, whatever the process")
    func siblings() {
        let worker = BackfillWorker(host: "a", account: "X", processIdentifier: 1)
        #expect(worker.sharesHostAndAccount(with: BackfillWorker(host: "a", account: "X", processIdentifier: 2)))
        #expect(!worker.sharesHostAndAccount(with: BackfillWorker(host: "b", account: "X", processIdentifier: 1)))
        #expect(!worker.sharesHostAndAccount(with: BackfillWorker(host: "a", account: "Y", processIdentifier: 1)))
    }

    @Test("this process's name; a process of this machine has ended only when no process has its id")
    func processes() async throws {
        let me = BackfillWorker.thisProcess(account: "ABC123")
        #expect(me.host == BackfillWorker.thisHost && me.account == "ABC123")
        #expect(me.processIdentifier == ProcessInfo.processInfo.processIdentifier)
        #expect(me.isThisProcess && !me.hasEnded)

        let ended = try ChildProcess(executable: "/bin/true", arguments: [])
        try await ended.exit()
        let gone = BackfillWorker(host: me.host, account: "ABC123", processIdentifier: ended.processIdentifier)
        #expect(gone.hasEnded && !gone.isThisProcess)
        // Another machine's processes cannot be seen from here: never taken for ended.
        var elsewhere = gone
        elsewhere.host = "another-machine.example"
        #expect(!elsewhere.hasEnded)
        // Process 1 always runs (whoever may signal it).
        #expect(!BackfillWorker(host: me.host, account: "ABC123", processIdentifier: 1).hasEnded)

        let running = try ChildProcess(executable: "/bin/sleep", arguments: ["600"])
        let alive = BackfillWorker(host: me.host, account: "ABC123", processIdentifier: running.processIdentifier)
        #expect(!alive.hasEnded)
        running.send(SIGKILL)
        try await running.exit()
        #expect(alive.hasEnded)
    }
}
