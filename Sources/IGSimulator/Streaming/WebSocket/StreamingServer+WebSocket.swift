import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore

// TLCP over WebSocket: `GET /lightstreamer` with subprotocol `TLCP-<version>.lightstreamer.com`.

extension StreamingServer {
    typealias WebSocketHandler = WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>

    /// Decides a WebSocket upgrade: only `/lightstreamer`, echoing the TLCP subprotocol offered, and only when
    /// ``StreamingConfiguration/acceptsWebSocket`` is on.
    func shouldUpgrade(
        _ request: HTTPRequest, channel: any Channel, context: SimulatorContext
    ) -> ShouldUpgradeResult<WebSocketHandler> {
        let path = request.path ?? ""
        guard path == "/lightstreamer" || path.hasPrefix("/lightstreamer/") || path.hasPrefix("/lightstreamer?") else {
            return .dontUpgrade
        }
        guard self.configuration(context).acceptsWebSocket else { return .dontUpgrade }
        let offered = request.headerFields[values: .secWebSocketProtocol]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let tlcp = offered.filter { $0.hasPrefix("TLCP-") && $0.hasSuffix(".lightstreamer.com") }
        let supported = self.configuration(context).protocolVersions
        let chosen =
            tlcp.first { supported.contains(Self.version(subprotocol: $0)) } ?? tlcp.first
        var headers = HTTPFields()
        if let chosen { headers[.secWebSocketProtocol] = chosen }
        let version = chosen.map(Self.version(subprotocol:))
        let clientIP = channel.remoteAddress?.ipAddress
        return .upgrade(headers) { inbound, outbound, _ in
            await self.runWebSocket(
                inbound: inbound, outbound: outbound, channel: channel, version: version, clientIP: clientIP,
                context: context)
        }
    }

    static func version(subprotocol: String) -> String {
        String(subprotocol.dropFirst(5).dropLast(".lightstreamer.com".count))
    }

    /// Serves one WebSocket connection: the I/O around a ``WebSocketConnectionStateMachine``.
    private func runWebSocket(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, channel: any Channel, version: String?,
        clientIP: String?, context: SimulatorContext
    ) async {
        let channelId = self.state.withLock { state -> Int in
            state.nextChannelId += 1
            state.channels[state.nextChannelId] = channel
            return state.nextChannelId
        }
        defer { _ = self.state.withLock { $0.channels.removeValue(forKey: channelId) } }
        let connection = WebSocketConnection(
            channel: channel, clientIP: clientIP, context: context,
            write: { text in try await outbound.writeTextMessage(text) })
        await withTaskGroup(of: Void.self) { group in
            var machine = WebSocketConnectionStateMachine(subprotocolVersion: version)
            /// Sessions this connection has bound, by id (a control may target one that has ended meanwhile).
            var known: [String: StreamSession] = [:]
            do {
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    guard case .text(let text) = message else { continue }
                    for request in TLCPClientRequest.parseFrame(text) {
                        let actions = machine.receive(request) { self.session($0) != nil }
                        for action in actions {
                            try await self.perform(
                                action, connection: connection, machine: &machine, known: &known, group: &group)
                        }
                    }
                }
            } catch {}
            if case .detach(let binding) = machine.closed() {
                known[binding.sessionId]?.command(.detach, bindingId: binding.bindingId)
            }
            await group.waitForAll()
        }
    }

    /// Performs one action of the connection's state machine.
    private func perform(
        _ action: WebSocketConnectionStateMachine.Action, connection: WebSocketConnection,
        machine: inout WebSocketConnectionStateMachine, known: inout [String: StreamSession],
        group: inout TaskGroup<Void>
    ) async throws {
        switch action {
        case .write(let line):
            try await connection.write(line + TLCPEncoding.lineEnd)
        case .createSession(let request, let protocolVersion):
            let checked = self.checkProtocol(protocolVersion, context: connection.context)
                .flatMap { self.createSession(request, protocolVersion: $0, context: connection.context) }
            switch checked {
            case .success(let session):
                await self.bind(
                    session, request: request, recoveryFrom: nil, create: true, connection: connection,
                    machine: &machine, known: &known, group: &group)
            case .failure(let error):
                try await connection.write(error.line + TLCPEncoding.lineEnd)
            }
        case .bind(let sessionId, let request, let recoveryFrom):
            guard let session = self.session(sessionId) else { return }
            guard session.owner.admits(request) else {
                try await connection.write(TLCPEncoding.conerr(1, "Invalid credentials") + TLCPEncoding.lineEnd)
                return
            }
            await self.bind(
                session, request: request, recoveryFrom: recoveryFrom, create: false, connection: connection,
                machine: &machine, known: &known, group: &group)
        case .control(let sessionId, let request):
            guard let session = self.session(sessionId) ?? known[sessionId], session.owner.admits(request) else {
                guard request.name == "control" else { return }
                let refusal = TLCPEncoding.reqerr(request["LS_reqId"] ?? "", 20, "Session not found")
                try await connection.write(refusal + TLCPEncoding.lineEnd)
                return
            }
            guard let reply = self.control(request, session: session, context: connection.context, overWebSocket: true)
            else { return }
            let bound = session.state.withLock { state -> Bool in
                guard state.binding != nil else { return false }
                state.control.append(reply)
                state.binding?.wake.yield()
                return true
            }
            if !bound { try await connection.write(reply + TLCPEncoding.lineEnd) }
        case .detach(let binding):
            known[binding.sessionId]?.command(.detach, bindingId: binding.bindingId)
        }
    }

    /// Binds a session to the connection (detaching the previous binding of another session) and starts its pump.
    private func bind(
        _ session: StreamSession, request: TLCPClientRequest, recoveryFrom: Int64?, create: Bool,
        connection: WebSocketConnection, machine: inout WebSocketConnectionStateMachine,
        known: inout [String: StreamSession], group: inout TaskGroup<Void>
    ) async {
        if case .detach(let previous) = machine.willBind(sessionId: session.id) {
            known[previous.sessionId]?.command(.detach, bindingId: previous.bindingId)
        }
        guard let binding = session.bind(recoveryFrom: recoveryFrom) else {
            let line =
                session.state.withLock({ $0.ended })
                ? TLCPEncoding.conerr(20, "Session not found")
                : TLCPEncoding.conerr(4, "Recovery point no longer available")
            try? await connection.write(line + TLCPEncoding.lineEnd)
            return
        }
        if let keepalive = request["LS_keepalive_millis"].flatMap(Int.init), !create {
            session.state.withLock { $0.keepaliveMillis = Swift.min(60_000, Swift.max(100, keepalive)) }
        }
        if let sync = request["LS_send_sync"] {
            session.state.withLock { $0.sendSync = sync.lowercased() != "false" }
        }
        machine.bound(sessionId: session.id, bindingId: binding.id)
        known[session.id] = session
        let keepalive = session.state.withLock { $0.keepaliveMillis }
        var preamble = self.preamble(
            session, keepaliveMillis: keepalive, context: connection.context, clientIP: connection.clientIP,
            full: create)
        if let prog = binding.prog { preamble.append("PROG,\(prog)") }
        let options = BindingOptions(
            preamble: preamble, contentLength: nil, polling: request["LS_polling"]?.lowercased() == "true")
        group.addTask {
            let outcome = await self.serve(
                session, binding: (binding.id, binding.wake, binding.waker), options: options,
                context: connection.context, write: connection.write)
            switch outcome {
            case .dropped, .ended, .superseded: connection.channel.close(promise: nil)
            case .loop, .detached: break
            }
        }
    }
}
