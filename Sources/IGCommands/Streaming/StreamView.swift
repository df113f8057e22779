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

/// What `ig stream` prints: a table redrawn on every change (plain lines when output is not a terminal), or
/// NDJSON.
final class StreamView: Sendable {
    private struct State {
        var rows: [String: [String]] = [:]
        var order: [String] = []
        var columns: [String] = []
        var status = "CONNECTING"
        var gaps = 0
        var sparklines: [String: Sparkline] = [:]
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
            let (columns, cells) = state.withLock { state in
                var columns = Update.columns
                var cells = update.cells
                if let mid = update.mid {
                    state.sparklines[update.key, default: Sparkline(capacity: 20)].append(mid)
                    columns.append("RECENT MIDS")
                    cells.append(state.sparklines[update.key]?.text ?? "")
                }
                state.columns = columns
                if state.rows[update.key] == nil { state.order.append(update.key) }
                state.rows[update.key] = cells
                return (columns, cells)
            }
            if isTerminal {
                redraw()
            } else {
                Console.line(zip(columns, cells).map { "\($0)=\($1)" }.joined(separator: " "))
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
        case .disconnected(.willRetry(let problem)): "DISCONNECTED:WILL-RETRY (\(describe(problem)))"
        case .disconnected(.failed(let problem)): "DISCONNECTED:FAILED (\(describe(problem)))"
        }
    }

    /// Why a connection or session was lost, for a person: what happened, with the server's code and message.
    static func describe(_ problem: TLCPConnectionProblem) -> String {
        switch problem {
        case .connectionRefused(let code, let message): "the server refused the session: CONERR \(code) \(message)"
        case .sessionEnded(let code, let message): "the server ended the session: END \(code) \(message)"
        case .serverError(let code, let message): "the server rejected a request: ERROR \(code) \(message)"
        case .transportFailed(let message): "the connection failed: \(message)"
        case .transportClosed: "the connection closed"
        case .connectTimeout: "no answer to the session request in time"
        case .keepaliveTimeout: "the server fell silent"
        case .recoveryFailed: "the session could not be resumed"
        // The login's error may span lines (an `IGError` with its hint): a status is one line.
        case .credentialsUnavailable(let message):
            "could not log in again: "
                + message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: ". ")
        }
    }
}
