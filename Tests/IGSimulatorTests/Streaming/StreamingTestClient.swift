import AsyncHTTPClient
import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTP1
import Testing
import WSClient

@testable import IGSimulator

/// A raw TLCP client over a WebSocket, for checking the simulator's wire format line by line.
///
/// Frames received are split into lines (CRLF) and queued; tests read them in order. Every raw frame is kept so
/// tests can check the framing itself.
final class TLCPTestSocket: Sendable {
    private let outgoing: AsyncStream<String>.Continuation
    private let lines: AsyncStream<String>
    private let frames = Locked<[String]>([])
    let negotiatedProtocol = Locked<String?>(nil)
    private let task: Task<Void, any Error>

    /// Connects to `baseURL/lightstreamer` offering `subprotocol`.
    init(baseURL: URL, subprotocol: String = "TLCP-2.4.0.lightstreamer.com") {
        let (outgoingStream, outgoing) = AsyncStream.makeStream(of: String.self)
        let (lines, lineContinuation) = AsyncStream.makeStream(of: String.self)
        self.outgoing = outgoing
        self.lines = lines
        var configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 22)
        configuration.additionalHeaders[.secWebSocketProtocol] = subprotocol
        let url = baseURL.absoluteString.replacingOccurrences(of: "http://", with: "ws://") + "/lightstreamer"
        let frames = self.frames
        self.task = Task {
            defer { lineContinuation.finish() }
            try await WebSocketClient.connect(
                url: url, configuration: configuration, logger: Logger(label: "tlcp-test")
            ) { inbound, outbound, _ in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await frame in outgoingStream { try await outbound.write(.text(frame)) }
                    }
                    for try await message in inbound.messages(maxSize: 1 << 24) {
                        guard case .text(let text) = message else { continue }
                        frames.withLock { $0.append(text) }
                        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
                            lineContinuation.yield(line)
                        }
                    }
                    group.cancelAll()
                }
            }
        }
    }

    /// Sends one text frame.
    func send(_ frame: String) {
        self.outgoing.yield(frame)
    }

    /// The next line, or nil when the socket closed or no line came within `limit` (a test that waits for a line the
    /// server never sends fails instead of holding up the whole test run; the socket reads nothing after that).
    func next(within limit: Duration = .seconds(30)) async -> String? {
        await withTaskGroup(of: String?.self) { group in
            group.addTask {
                var iterator = self.lines.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    /// Reads lines until one starts with `prefix` (returns it) or `limit` lines went by (returns nil); the lines
    /// skipped are passed to `seen`.
    func line(
        startingWith prefix: String, within limit: Int = 2_000, seen: (String) -> Void = { _ in }
    ) async
        -> String?
    {
        for _ in 0..<limit {
            guard let line = await self.next() else { return nil }
            if line.hasPrefix(prefix) { return line }
            seen(line)
        }
        return nil
    }

    /// Every frame received so far.
    var receivedFrames: [String] { self.frames.withLock { $0 } }

    /// Closes the socket.
    func close() async {
        self.outgoing.finish()
        self.task.cancel()
        _ = await self.task.result
    }
}

/// Helpers shared by the streaming tests.
enum StreamingTest {
    /// A simulator configuration with fast keepalives and updates.
    static func configuration(_ adjust: (inout StreamingConfiguration) -> Void = { _ in }) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.streaming.keepalive = .milliseconds(500)
        configuration.streaming.updatesPerSecond = 20
        adjust(&configuration.streaming)
        return configuration
    }

    /// `LS_password` for a v2 login.
    static func password(_ harness: SimulatorHarness) async throws -> String {
        let tokens = try await harness.login()
        let cst = tokens.headers.first { $0.0 == "CST" }?.1 ?? ""
        let xst = tokens.headers.first { $0.0 == "X-SECURITY-TOKEN" }?.1 ?? ""
        return "CST-\(cst)%7CXST-\(xst)"
    }

    /// Opens a socket, sends `wsok` and `create_session`, and returns the socket and the CONOK line.
    static func connect(
        _ harness: SimulatorHarness, password: String, extra: String = "",
        subprotocol: String = "TLCP-2.4.0.lightstreamer.com"
    ) async throws -> (TLCPTestSocket, String) {
        let socket = TLCPTestSocket(baseURL: harness.baseURL, subprotocol: subprotocol)
        socket.send("wsok")
        socket.send(
            "create_session\r\nLS_user=ZSB01&LS_cid=mgQkwtwdysogQz2BJ4Ji%20kOj2Bg&LS_adapter_set=DEFAULT"
                + "&LS_send_sync=false&LS_password=\(password)\(extra)")
        let first = await socket.next()
        try #require(first == "WSOK", "first line \(first ?? "nil")")
        let conok = try #require(await socket.next())
        return (socket, conok)
    }

    /// Logs in, opens a streaming session and adds subscription 1: `item` (e.g. `CHART:EPIC:1MINUTE`) in `mode`, with
    /// the fields of `schema` (separated by spaces). Returns the socket, ready to read the subscription's lines.
    static func subscribe(
        _ harness: SimulatorHarness, item: String, mode: String, schema: String, snapshot: Bool
    ) async throws -> TLCPTestSocket {
        let (socket, _) = try await connect(harness, password: try await password(harness))
        let group = item.replacingOccurrences(of: ":", with: "%3A")
        let fields = schema.replacingOccurrences(of: " ", with: "%20")
        socket.send(
            "control\r\nLS_reqId=1&LS_op=add&LS_subId=1&LS_mode=\(mode)&LS_group=\(group)&LS_schema=\(fields)"
                + "&LS_snapshot=\(snapshot)")
        return socket
    }

    /// The fields of a line after its tag.
    static func arguments(_ line: String) -> [String] {
        Array(line.split(separator: ",", omittingEmptySubsequences: false).dropFirst().map(String.init))
    }

    /// The value tokens of a `U` line.
    static func tokens(_ line: String) -> [String] {
        let parts = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
        return parts.count == 4 ? parts[3].split(separator: "|", omittingEmptySubsequences: false).map(String.init) : []
    }

    /// True for the notifications that count towards `LS_recovery_from`.
    static func isData(_ line: String) -> Bool {
        ["U,", "SUBOK,", "SUBCMD,", "UNSUB,", "EOS,", "CS,", "OV,", "CONF,", "MSGDONE,", "MSGFAIL,"].contains {
            line.hasPrefix($0)
        }
    }

    /// POSTs a TLCP request over HTTP and returns the whole body (polling and control requests end by themselves).
    static func post(_ harness: SimulatorHarness, _ name: String, query: String, body: String) async throws -> String {
        var request = HTTPClientRequest(url: harness.baseURL.absoluteString + "/lightstreamer/\(name).txt?\(query)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 16 << 20)
        return String(buffer: buffer)
    }
}
