import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// `ig-bench streaming`: TLCP parser throughput on one core, and end-to-end updates per second from the simulator's
/// Lightstreamer server to a consumer over loopback — with the simulator embedded, or in another process (`--url`),
/// which also makes the peak RSS figure the client's alone.
struct StreamingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "streaming",
        abstract: "TLCP parser throughput (U lines/s) and end-to-end streaming updates/s over loopback.",
        discussion: """
            With --url the client streams from a running simulator (`ig-simulator --port 0 --allowances unlimited \
            --streaming-rate 1000`), so the figures (updates/s, CPU, peak RSS) are the client process's alone; the \
            updates the server sent in the same window come from its /simulator/streaming/sessions route.
            """)

    @Option(help: "U lines to parse (0 skips the parser figures).") var lines = 2_000_000
    @Option(help: "Seconds of end-to-end streaming (0 skips it).") var duration: Double = 10
    @Option(help: "Seconds to stream before counting (after every subscription got its first update).")
    var warmup: Double = 1
    @Option(help: "PRICE subscriptions (one epic each, cycling through 10 markets) streamed end to end.")
    var epics = 20
    @Option(help: "Updates per second per item (default 1000 embedded; with --url, set on the server if given).")
    var rate: Double?
    @Option(
        help:
            "Transport for the end-to-end run: auto (the default: WebSocket, HTTP streaming if refused), websocket or http."
    )
    var transport = "auto"
    @Option(help: "A running simulator to stream from, e.g. http://127.0.0.1:8470, instead of an embedded one.")
    var url: String?
    @Option(help: "Faults to inject in the resilience run (0 skips it).") var faults = 0
    @Option(help: "Subscriptions held during the resilience run.") var subscriptions = 20

    func validate() throws {
        if let url, URL(string: url)?.host == nil { throw ValidationError("--url must be an http://host:port URL.") }
        guard ["auto", "websocket", "http"].contains(transport) else {
            throw ValidationError("--transport must be auto, websocket or http.")
        }
        guard epics > 0, duration >= 0, warmup >= 0 else { throw ValidationError("bad --epics/--duration/--warmup.") }
    }

    func run() async throws {
        if lines > 0 {
            let parse = Self.measureParser(lines: lines)
            print(String(format: "parser: parse only            %12.0f U lines/s", parse.parseOnly))
            print(String(format: "parser: parse + decode values %12.0f U lines/s", parse.decoded))
            print(String(format: "parser: full session machine  %12.0f U lines/s", parse.machine))
        }
        if duration > 0 { try await endToEnd() }
        if faults > 0 { try await resilienceRun() }
    }

    /// The process's peak resident set size (Linux `VmHWM`), in MB.
    static func residentMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first
            return kilobytes.map { $0 / 1024 }
        }
        return nil
    }

    /// Representative PRICE updates: 10 fields, a few unchanged, a `^N` run, a null.
    static func sampleLines(_ count: Int) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(count)
        lines.append("U,1,1,1.08412|1.08421|1000000|1000000|1.08650|1.07980|1.08120|0.00292|1732550400000|DEAL")
        for index in 1..<count {
            let bid = 1.08 + Double(index % 997) / 100_000
            let millis = 1_732_550_400_000 + index * 250
            switch index % 3 {
            case 0:
                lines.append(String(format: "U,1,1,%.5f|%.5f|||^3|%.5f|%d|", bid, bid + 0.00009, bid - 1.0812, millis))
            case 1: lines.append(String(format: "U,1,1,%.5f|%.5f|^6|%d|", bid, bid + 0.00009, millis))
            default: lines.append(String(format: "U,1,1,|%.5f|#|||||%.5f|%d|", bid + 0.00009, bid - 1.0812, millis))
            }
        }
        return lines
    }

    static func measureParser(lines count: Int) -> (parseOnly: Double, decoded: Double, machine: Double) {
        let lines = sampleLines(count)
        let clock = ContinuousClock()

        var checksum = 0
        let parseTime = clock.measure {
            for line in lines {
                if case .update(_, let item, let values) = TLCPNotification(line: line) {
                    checksum &+= item + values.utf8.count
                }
            }
        }

        var state = TLCPItemState(fieldCount: 10)
        let decodeTime = clock.measure {
            for line in lines {
                if case .update(_, _, let values) = TLCPNotification(line: line) {
                    checksum &+= (try? state.apply(values).count) ?? 0
                }
            }
        }

        var configuration = TLCPSessionStateMachine.Configuration(transport: .webSocket)
        configuration.sessionRecoveryTimeout = .seconds(15)
        var machine = TLCPSessionStateMachine(configuration: configuration)
        let connection = TLCPConnectionID(1)
        _ = machine.handle(.connect(now: .zero))
        _ = machine.handle(
            .notificationReceived(TLCPNotification(line: "CONOK,S1,50000,5000,*"), connection: connection, now: .zero))
        _ = machine.handle(
            .subscribe(
                TLCPSubscriptionID(1),
                TLCPSubscription(
                    mode: .merge, items: ["PRICE:A:E"], fields: (1...10).map { "F\($0)" })))
        _ = machine.handle(
            .notificationReceived(TLCPNotification(line: "SUBOK,1,1,10"), connection: connection, now: .zero))
        var actions: [TLCPSessionStateMachine.Action] = []
        let machineTime = clock.measure {
            for line in lines {
                machine.handle(
                    .notificationReceived(TLCPNotification(line: line), connection: connection, now: .zero),
                    into: &actions)
                checksum &+= actions.count
                actions.removeAll(keepingCapacity: true)
            }
        }
        if checksum == 42 { print("") }  // keep the work observable
        func rate(_ duration: Duration) -> Double {
            Double(count) / (Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        return (rate(parseTime), rate(decodeTime), rate(machineTime))
    }
}
