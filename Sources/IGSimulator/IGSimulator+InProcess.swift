import Foundation

/// The simulator's request handling without a socket, for the fuzzing harness (`Fuzz/Sources/FuzzSimulator`) and
/// tests that feed it hostile input: the same dispatch, authentication, allowances and handlers the HTTP server
/// runs, minus Hummingbird's HTTP parsing and the connection guard.
@_spi(Fuzzing)
extension IGSimulator {
    /// One answer given in process: the status, the response headers and the body bytes (empty for streams).
    public typealias InProcessAnswer = (status: Int, headers: [(String, String)], body: [UInt8])

    /// Answers one request as the HTTP server would after reading it.
    ///
    /// - Parameters:
    ///   - method: The request method, as sent (`GET`, `POST`, anything).
    ///   - target: The request target: a path with an optional `?query`, percent-encoded as on the wire.
    ///   - headers: The request headers in order, names as sent.
    ///   - body: The raw body; larger than the server's 1 MiB limit gets the same 413 the server gives.
    /// - Returns: The answer. REST answers carry their JSON body; Lightstreamer requests that would open a stream
    ///   (`create_session`, `bind_session`) are parsed and checked but not streamed, and answer with an empty body.
    public func answerInProcess(
        method: String, target: String, headers: [(String, String)], body: [UInt8]
    ) -> InProcessAnswer {
        guard body.count <= SimulatorResponder.maximumBodySize else {
            return Self.inProcess(.error(RESTError(status: 413, code: "error.request.body-too-large")))
        }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = parts.first.map(String.init) ?? ""
        let query = parts.count > 1 ? String(parts[1]) : nil
        if path.hasPrefix("/lightstreamer") {
            return self.answerStreamingInProcess(path: path, query: query, body: body)
        }
        let request = RESTRequest(method: method, path: path, query: query, headers: headers, body: Data(body))
        var answer = self.core.handle(request)
        // A connection fault (drop, reset, delay) needs a socket; in process the answer it wraps is returned.
        _ = DealingConnectionFault.take(from: &answer)
        return Self.inProcess(answer)
    }

    /// Opens a Lightstreamer session with no stream bound to it, so control requests can be sent in process.
    ///
    /// - Parameters:
    ///   - user: `LS_user` (IG: the account id).
    ///   - password: `LS_password` (IG: `CST-…|XST-…`).
    /// - Returns: The session id, or nil when the simulator refuses the session (bad credentials, shutting down).
    public func openStreamSessionInProcess(user: String, password: String) -> String? {
        let streaming = self.core.context.streaming
        let request = TLCPClientRequest(
            name: "create_session",
            parameters: ["LS_user": user, "LS_password": password, "LS_adapter_set": "DEFAULT", "LS_cid": "fuzz"])
        let created = streaming.checkProtocol(nil, context: self.core.context)
            .flatMap { streaming.createSession(request, protocolVersion: $0, context: self.core.context) }
        guard case .success(let session) = created else { return nil }
        return session.id
    }

    private func answerStreamingInProcess(path: String, query: String?, body: [UInt8]) -> InProcessAnswer {
        let streaming = self.core.context.streaming
        let text = String(decoding: body, as: UTF8.self)
        let name = (path.split(separator: "/").last.map(String.init) ?? "").replacingOccurrences(of: ".txt", with: "")
        let parameters = TLCPClientRequest.parameters(Substring(query ?? ""))
        let requests = TLCPClientRequest.parseBody(name: name, body: text, query: parameters)
        // WebSocket frames go through the same parser as HTTP bodies' lines.
        _ = TLCPClientRequest.parseFrame(text)
        switch name {
        case "create_session", "bind_session":
            let checked = streaming.checkProtocol(requests.first?["LS_protocol"], context: self.core.context)
            if case .failure(let error) = checked { return (200, [], Array((error.line + TLCPEncoding.lineEnd).utf8)) }
            return (200, [], [])
        case "control", "heartbeat":
            let replies = streaming.controlReplies(name: name, requests: requests, context: self.core.context)
            return (200, [], Array(replies.utf8))
        default:
            return (404, [], [])
        }
    }

    private static func inProcess(_ answer: RESTResponse) -> InProcessAnswer {
        let body: [UInt8]
        if let raw = answer.rawBody {
            body = Array(raw)
        } else {
            body = answer.body.map { Array($0.serialized) } ?? []
        }
        return (answer.status, answer.headers, body)
    }
}
