/// A TLCP client request: its name and its parameters, renderable for either transport.
///
/// - WebSocket: ``webSocketFrame`` — the request name, CRLF, then the encoded parameters (`wsok` has no parameter
///   line). Several `control` requests can share one frame, one parameter line each (``webSocketFrames(batching:requestLimit:)``).
/// - HTTP: POST to ``httpPath`` (e.g. `/lightstreamer/create_session.txt`) with the query from
///   ``httpQuery(version:)`` and ``httpBody`` (`k=v&k=v`) as a `text/plain` body. Control requests can be batched
///   one per body line (``httpBodies(batching:requestLimit:)``).
///
/// Values are percent-encoded except `A-Z a-z 0-9 _ . - ~` (see ``TLCPPercentEncoding``).
public struct TLCPRequest: Sendable, Hashable, CustomStringConvertible {
    /// The request name.
    public enum Name: String, Sendable, Hashable {
        /// `create_session`: opens a new session.
        case createSession = "create_session"
        /// `bind_session`: binds an existing session to a new stream connection (rebind, recovery).
        case bindSession = "bind_session"
        /// `control`: subscription and session control (`LS_op=…`).
        case control
        /// `msg`: a client message.
        case message = "msg"
        /// `heartbeat`: reverse keepalive.
        case heartbeat
        /// `wsok`: WebSocket handshake check, answered by `WSOK`.
        case webSocketOK = "wsok"
    }

    /// The request name.
    public var name: Name
    /// The parameters, in order, unencoded.
    public var parameters: [TLCPParameter]

    /// Creates a request.
    public init(name: Name, parameters: [TLCPParameter] = []) {
        self.name = name
        self.parameters = parameters
    }

    /// The value of the first parameter called `name`, if any.
    public subscript(parameter name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// The encoded parameter line: `LS_a=1&LS_b=x%20y`.
    public var encodedParameters: String {
        var text = ""
        for (index, parameter) in parameters.enumerated() {
            if index > 0 { text += "&" }
            text += parameter.name
            text += "="
            text += TLCPPercentEncoding.encode(parameter.value)
        }
        return text
    }

    /// The WebSocket text frame carrying this request alone.
    public var webSocketFrame: String {
        switch name {
        case .webSocketOK: return name.rawValue
        default: return name.rawValue + "\r\n" + encodedParameters + (parameters.isEmpty ? "\r\n" : "")
        }
    }

    /// The path of the HTTP request, e.g. `/lightstreamer/bind_session.txt`.
    public var httpPath: String { "/lightstreamer/\(name.rawValue).txt" }

    /// The HTTP query string: `LS_protocol=TLCP-<version>`, plus `LS_session` when the request names a session.
    public func httpQuery(version: TLCPVersion) -> String {
        var query = "LS_protocol=TLCP-\(version)"
        if let session = self[parameter: "LS_session"] {
            query += "&LS_session=" + TLCPPercentEncoding.encode(session)
        }
        return query
    }

    /// The HTTP body of this request alone.
    public var httpBody: String { encodedParameters }

    /// A readable form with `LS_password` redacted, safe to log.
    public var description: String {
        let shown = parameters.map { parameter in
            parameter.name + "="
                + (parameter.name == "LS_password" ? "<redacted>" : TLCPPercentEncoding.encode(parameter.value))
        }
        return ([name.rawValue] + (shown.isEmpty ? [] : [shown.joined(separator: "&")])).joined(separator: " ")
    }

    /// Packs requests of the same name (normally `control`) into as few WebSocket frames as possible, one parameter
    /// line each, keeping every frame within `requestLimit` bytes (the `CONOK` request limit) when given. A request
    /// larger than the limit travels alone.
    public static func webSocketFrames(batching requests: [TLCPRequest], requestLimit: Int? = nil) -> [String] {
        batch(requests, requestLimit: requestLimit) { name, lines in
            name.rawValue + "\r\n" + lines.joined(separator: "\r\n")
        }
    }

    /// Packs requests of the same name (normally `control`) into HTTP bodies, one request per CRLF-separated line,
    /// within `requestLimit` bytes when given.
    public static func httpBodies(batching requests: [TLCPRequest], requestLimit: Int? = nil) -> [String] {
        batch(requests, requestLimit: requestLimit) { _, lines in lines.joined(separator: "\r\n") }
    }

    private static func batch(
        _ requests: [TLCPRequest], requestLimit: Int?, render: (Name, [String]) -> String
    ) -> [String] {
        var output: [String] = []
        var lines: [String] = []
        var size = 0
        var currentName: Name?
        func flush() {
            if let currentName, !lines.isEmpty { output.append(render(currentName, lines)) }
            lines.removeAll()
            size = 0
        }
        for request in requests {
            let line = request.encodedParameters
            let header = request.name.rawValue.utf8.count + 2
            let added = line.utf8.count + 2
            if currentName != request.name
                || (requestLimit.map { !lines.isEmpty && header + size + added > $0 } ?? false)
            {
                flush()
                currentName = request.name
            }
            lines.append(line)
            size += added
        }
        flush()
        return output
    }
}
