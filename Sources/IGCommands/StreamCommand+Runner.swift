import Dispatch
import Foundation
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one `ig stream` subscription: connects, prints updates and status, stops on Ctrl-C, `--duration` or
/// `--count`, and shuts the Lightstreamer session down.
struct StreamRunner {
    let connection: ConnectionOptions
    let options: StreamOptions

    func run<Update: StreamRow>(
        _ subscribe: @escaping @Sendable (IGStreamingClient) async throws -> IGStreamingSubscription<Update>
    ) async throws {
        let options = self.options
        let logger = connection.logger(label: "ig.stream")
        try await connection.withClient { client in
            let streaming = IGStreamingClient(
                client: client, configuration: options.streamingConfiguration, logger: logger)
            let subscription = try await subscribe(streaming)
            let view = StreamView(format: options.format)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await streaming.run()
                }
                group.addTask {
                    for await status in streaming.statusUpdates { view.show(status: status) }
                    try await Task.sleep(for: .seconds(86_400 * 365))  // never the first to finish
                }
                group.addTask {
                    var updates = 0
                    for try await event in subscription {
                        switch event {
                        case .update(let update):
                            view.show(update)
                            updates += 1
                            if let count = options.count, updates >= count { return }
                        case .gap(let gap, let item):
                            view.show(gap: gap, item: item)
                        case .subscribed:
                            break
                        }
                    }
                }
                if let duration = options.duration {
                    group.addTask { try await Task.sleep(for: .milliseconds(Int64(duration * 1000))) }
                }
                group.addTask { await Self.interrupted() }
                try await group.next()
                streaming.shutdown()
                group.cancelAll()
            }
        }
    }

    /// Returns at the first SIGINT (Ctrl-C), or when cancelled; the default handler is restored afterwards.
    static func interrupted() async {
        let (signals, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { continuation.yield() }
        source.resume()
        for await _ in signals { break }
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// What `ig stream` prints: a table redrawn on every change (plain lines when output is not a terminal), or
/// NDJSON.
final class StreamView: Sendable {
    private struct State {
        var rows: [String: [String]] = [:]
        var order: [String] = []
        var columns: [String] = []
        var status = "CONNECTING"
        var gaps = 0
    }

    let format: StreamFormat
    let isTerminal: Bool
    private let state = Mutex(State())

    init(format: StreamFormat) {
        self.format = format
        self.isTerminal = isatty(STDOUT_FILENO) != 0
    }

    func show(status: TLCPConnectionStatus) {
        if status == .disconnected(.notStarted) { return }
        let text = Self.describe(status)
        switch format {
        case .ndjson:
            Console.line(NDJSON.object([("type", .string("status")), ("status", .string(text))]))
        case .table:
            state.withLock { $0.status = text }
            if isTerminal { redraw() } else { Console.line("status: \(text)") }
        }
    }

    func show<Update: StreamRow>(_ update: Update) {
        switch format {
        case .ndjson:
            Console.line(NDJSON.object([("type", .string(Update.kind))] + update.json))
        case .table:
            let cells = update.cells
            state.withLock { state in
                state.columns = Update.columns
                if state.rows[update.key] == nil { state.order.append(update.key) }
                state.rows[update.key] = cells
            }
            if isTerminal {
                redraw()
            } else {
                Console.line(zip(Update.columns, cells).map { "\($0)=\($1)" }.joined(separator: " "))
            }
        }
    }

    func show(gap: TLCPGap, item: IGStreamingItem?) {
        let text = "\(gap)"
        switch format {
        case .ndjson:
            Console.line(
                NDJSON.object([
                    ("type", .string("gap")), ("item", item.map { .string($0.description) } ?? .null),
                    ("reason", .string(text)),
                ]))
        case .table:
            state.withLock { $0.gaps += 1 }
            if isTerminal { redraw() } else { Console.line("gap: \(item?.description ?? "all items") \(text)") }
        }
    }

    private func redraw() {
        let screen: String = state.withLock { state in
            var table = TextTable(state.columns.map { TextTable.Column(title: $0) })
            for key in state.order { table.add(state.rows[key] ?? []) }
            return "\u{1B}[H\u{1B}[2J" + "Lightstreamer: \(state.status)   gaps: \(state.gaps)\n\n"
                + (state.columns.isEmpty ? "waiting for updates…" : table.render())
        }
        Console.line(screen)
    }

    static func describe(_ status: TLCPConnectionStatus) -> String {
        switch status {
        case .connecting: "CONNECTING"
        case .connected(let transport): "CONNECTED:\(transport)"
        case .stalled: "STALLED"
        case .recovering: "RECOVERING"
        case .disconnected(.notStarted): "DISCONNECTED"
        case .disconnected(.requested): "DISCONNECTED:REQUESTED"
        case .disconnected(.willRetry(let problem)): "DISCONNECTED:WILL-RETRY (\(problem))"
        case .disconnected(.failed(let problem)): "DISCONNECTED:FAILED (\(problem))"
        }
    }
}
