import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

extension TransportConnection {
    /// Runs an HTTP-streaming connection: POSTs the session request and reads the streamed response line by line;
    /// control requests go out as `control.txt` POSTs whose response lines are reported as this connection's.
    func runHTTPStreaming() async {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    // Control requests, in order, until asked to close.
                    for await command in outbox {
                        switch command {
                        case .send(let payloads):
                            for payload in payloads { try await postControl(payload) }
                        case .close:
                            throw CancellationError()
                        }
                    }
                    throw CancellationError()
                }
                group.addTask { try await readStream() }
                try await group.next()
                group.cancelAll()
            }
            inbox.yield(.closed(id))
        } catch is CancellationError {
            inbox.yield(.closed(id))
        } catch {
            inbox.yield(.failed(id, "HTTP streaming: \(error)"))
        }
    }

    private func readStream() async throws {
        var post = HTTPClientRequest(
            url: endpoint(request.httpPath, query: request.httpQuery(version: version)))
        post.method = .POST
        post.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        post.body = .bytes(ByteBuffer(string: request.httpBody))
        let response = try await HTTPClient.shared.execute(post, deadline: .distantFuture, logger: transportLogger)
        guard response.status == .ok else {
            throw HTTPStreamingError(status: Int(response.status.code))
        }
        inbox.yield(.opened(id))
        var framer = TLCPLineFramer()
        for try await chunk in response.body {
            var lines: [Substring] = []
            framer.append(chunk.readableBytesView) { lines.append(Substring($0)) }
            deliver(lines: lines)
        }
        if let last = framer.finish() { deliver(lines: [Substring(last)]) }
    }

    private func postControl(_ payload: ControlPayload) async throws {
        var post = HTTPClientRequest(url: endpoint("/lightstreamer/control.txt", query: payload.query))
        post.method = .POST
        post.headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        post.body = .bytes(ByteBuffer(string: payload.text))
        let response = try await HTTPClient.shared.execute(
            post, timeout: .milliseconds(configuration.controlRequestTimeout.tlcpMilliseconds),
            logger: transportLogger)
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else {
            throw HTTPStreamingError(status: Int(response.status.code))
        }
        deliver(lines: TLCPLineFramer.lines(inFrame: String(buffer: body)))
    }
}
