import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

// TLCP over HTTP: `POST /lightstreamer/create_session.txt`, `bind_session.txt` (streamed or polling responses),
// `control.txt` and `heartbeat.txt`, each with `?LS_protocol=TLCP-<version>[&LS_session=<id>]`.

extension StreamingServer {
    /// Answers an HTTP request under `/lightstreamer`.
    func respond(
        path: String, query: String?, body: String, clientIP: String?, context: SimulatorContext
    ) -> Response {
        let name = (path.split(separator: "/").last.map(String.init) ?? "").replacingOccurrences(of: ".txt", with: "")
        let queryParameters = TLCPClientRequest.parameters(Substring(query ?? ""))
        let requests = TLCPClientRequest.parseBody(name: name, body: body, query: queryParameters)
        switch name {
        case "create_session":
            let request = requests[0]
            let checked = self.checkProtocol(request["LS_protocol"], context: context)
                .flatMap { self.createSession(request, protocolVersion: $0, context: context) }
            switch checked {
            case .success(let session):
                return self.stream(session, request: request, create: true, clientIP: clientIP, context: context)
            case .failure(let error):
                return Self.text(error.line + TLCPEncoding.lineEnd)
            }
        case "bind_session":
            let request = requests[0]
            if case .failure(let error) = self.checkProtocol(request["LS_protocol"], context: context) {
                return Self.text(error.line + TLCPEncoding.lineEnd)
            }
            guard let session = self.session(request["LS_session"]) else {
                return Self.text(TLCPEncoding.conerr(20, "Session not found") + TLCPEncoding.lineEnd)
            }
            guard session.owner.admits(request) else {
                return Self.text(TLCPEncoding.conerr(1, "Invalid credentials") + TLCPEncoding.lineEnd)
            }
            return self.stream(session, request: request, create: false, clientIP: clientIP, context: context)
        case "control", "heartbeat":
            return Self.text(self.controlReplies(name: name, requests: requests, context: context))
        default:
            return Response(status: .notFound)
        }
    }

    /// Answers `control` or `heartbeat` requests sent over HTTP: one reply line per request, CRLF-terminated.
    func controlReplies(name: String, requests: [TLCPClientRequest], context: SimulatorContext) -> String {
        var lines = [String]()
        for request in requests {
            guard let session = self.session(request["LS_session"]), session.owner.admits(request) else {
                if name == "heartbeat" && request["LS_session"] == nil {
                    lines.append("REQOK")
                } else {
                    lines.append(TLCPEncoding.reqerr(request["LS_reqId"] ?? "", 20, "Session not found"))
                }
                continue
            }
            if let reply = self.control(request, session: session, context: context, overWebSocket: false) {
                lines.append(reply)
            }
        }
        return lines.map { $0 + TLCPEncoding.lineEnd }.joined()
    }

    private func stream(
        _ session: StreamSession, request: TLCPClientRequest, create: Bool, clientIP: String?, context: SimulatorContext
    ) -> Response {
        let recovery = request["LS_recovery_from"].flatMap(Int64.init)
        guard let binding = session.bind(recoveryFrom: recovery) else {
            let line =
                session.state.withLock({ $0.ended })
                ? TLCPEncoding.conerr(20, "Session not found")
                : TLCPEncoding.conerr(4, "Recovery point no longer available")
            return Self.text(line + TLCPEncoding.lineEnd)
        }
        let polling = request["LS_polling"]?.lowercased() == "true"
        if let keepalive = request["LS_keepalive_millis"].flatMap(Int.init), !create {
            session.state.withLock { $0.keepaliveMillis = Swift.min(60_000, Swift.max(100, keepalive)) }
        }
        if let sync = request["LS_send_sync"] {
            session.state.withLock { $0.sendSync = sync.lowercased() != "false" }
        }
        let keepalive =
            polling
            ? (request["LS_idle_millis"].flatMap(Int.init) ?? 0) : session.state.withLock { $0.keepaliveMillis }
        var preamble = self.preamble(
            session, keepaliveMillis: keepalive, context: context, clientIP: clientIP, full: create)
        if let prog = binding.prog { preamble.append("PROG,\(prog)") }
        let maximum = self.configuration(context).maximumContentLength
        let requested = request["LS_content_length"].flatMap(Int.init) ?? maximum
        let options = BindingOptions(
            preamble: preamble, contentLength: Swift.max(1, Swift.min(requested, maximum)), polling: polling)
        var headers = HTTPFields()
        headers[.contentType] = "text/enriched; charset=UTF-8"
        headers[.cacheControl] = "no-store, no-cache"
        let body = ResponseBody { writer in
            _ = await self.serve(
                session, binding: (binding.id, binding.wake, binding.waker), options: options, context: context,
                write: { text in try await writer.write(ByteBuffer(string: text)) })
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func text(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/enriched; charset=UTF-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
