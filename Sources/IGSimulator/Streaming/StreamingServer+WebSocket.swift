import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import NIOCore

// TLCP over WebSocket: `GET /lightstreamer` with subprotocol `TLCP-<version>.lightstreamer.com`.

extension StreamingServer {
    typealias WebSocketHandler = WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>

    /// Decides a WebSocket upgrade: only `/lightstreamer`, echoing the TLCP subprotocol offered, and only when
    /// ``StreamingSettings/acceptsWebSocket`` is on.
    func shouldUpgrade(
        _ request: HTTPRequest, channel: any Channel, core: SimulatorCore
    ) -> ShouldUpgradeResult<WebSocketHandler> {
        let path = request.path ?? ""
        guard path == "/lightstreamer" || path.hasPrefix("/lightstreamer/") || path.hasPrefix("/lightstreamer?") else {
            return .dontUpgrade
        }
        guard self.settings(core).acceptsWebSocket else { return .dontUpgrade }
        let offered = request.headerFields[values: .secWebSocketProtocol]
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        let tlcp = offered.filter { $0.hasPrefix("TLCP-") && $0.hasSuffix(".lightstreamer.com") }
        let supported = self.settings(core).protocolVersions
        let chosen =
            tlcp.first { supported.contains(Self.version(subprotocol: $0)) } ?? tlcp.first
        var headers = HTTPFields()
        if let chosen { headers[.secWebSocketProtocol] = chosen }
        let version = chosen.map(Self.version(subprotocol:))
        let clientIP = channel.remoteAddress?.ipAddress
        return .upgrade(headers) { inbound, outbound, _ in
            await self.runWebSocket(
                inbound: inbound, outbound: outbound, channel: channel, version: version, clientIP: clientIP,
                core: core)
        }
    }

    static func version(subprotocol: String) -> String {
        String(subprotocol.dropFirst(5).dropLast(".lightstreamer.com".count))
    }

    private func runWebSocket(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, channel: any Channel, version: String?,
        clientIP: String?, core: SimulatorCore
    ) async {
        let channelId = self.state.withLock { state -> Int in
            state.nextChannelId += 1
            state.channels[state.nextChannelId] = channel
            return state.nextChannelId
        }
        defer { _ = self.state.withLock { $0.channels.removeValue(forKey: channelId) } }
        let write: @Sendable (String) async throws -> Void = { text in try await outbound.writeTextMessage(text) }
        await withTaskGroup(of: Void.self) { group in
            var current: (session: StreamSession, binding: Int)?
            var lastSession: StreamSession?

            func start(_ session: StreamSession, recoveryFrom: Int64?, request: TLCPRequest, create: Bool) async {
                if let current, current.session !== session {
                    current.session.command(.detach, bindingId: current.binding)
                }
                guard let binding = session.bind(recoveryFrom: recoveryFrom) else {
                    let line =
                        session.state.withLock({ $0.ended })
                        ? TLCPEncoding.conerr(20, "Session not found")
                        : TLCPEncoding.conerr(4, "Recovery point no longer available")
                    try? await write(line + TLCPEncoding.lineEnd)
                    return
                }
                if let keepalive = request["LS_keepalive_millis"].flatMap(Int.init), !create {
                    session.state.withLock { $0.keepaliveMillis = Swift.min(60_000, Swift.max(100, keepalive)) }
                }
                if let sync = request["LS_send_sync"] {
                    session.state.withLock { $0.sendSync = sync.lowercased() != "false" }
                }
                current = (session, binding.id)
                lastSession = session
                let keepalive = session.state.withLock { $0.keepaliveMillis }
                var preamble = self.preamble(
                    session, keepaliveMillis: keepalive, core: core, clientIP: clientIP, full: create)
                if let prog = binding.prog { preamble.append("PROG,\(prog)") }
                let options = BindingOptions(
                    preamble: preamble, contentLength: nil, polling: request["LS_polling"]?.lowercased() == "true")
                group.addTask {
                    let outcome = await self.serve(
                        session, binding: (binding.id, binding.wake, binding.waker), options: options, core: core,
                        write: write)
                    switch outcome {
                    case .dropped, .ended, .superseded: channel.close(promise: nil)
                    case .loop, .detached: break
                    }
                }
            }

            do {
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    guard case .text(let text) = message else { continue }
                    for request in TLCPRequest.parseFrame(text) {
                        switch request.name {
                        case "wsok":
                            try await write("WSOK" + TLCPEncoding.lineEnd)
                        case "create_session":
                            let checked = self.checkProtocol(version ?? request["LS_protocol"], core: core)
                                .flatMap { self.createSession(request, protocolVersion: $0, core: core) }
                            switch checked {
                            case .success(let session):
                                await start(session, recoveryFrom: nil, request: request, create: true)
                            case .failure(let error):
                                try await write(error.line + TLCPEncoding.lineEnd)
                            }
                        case "bind_session":
                            guard let session = self.session(request["LS_session"]) ?? lastSession,
                                self.session(session.id) != nil
                            else {
                                try await write(TLCPEncoding.conerr(20, "Session not found") + TLCPEncoding.lineEnd)
                                continue
                            }
                            let recovery = request["LS_recovery_from"].flatMap(Int64.init)
                            await start(session, recoveryFrom: recovery, request: request, create: false)
                        case "control", "heartbeat":
                            let target = self.session(request["LS_session"]) ?? current?.session ?? lastSession
                            guard let session = target else {
                                if request.name == "control" {
                                    let id = request["LS_reqId"] ?? ""
                                    try await write(
                                        TLCPEncoding.reqerr(id, 20, "Session not found") + TLCPEncoding.lineEnd)
                                }
                                continue
                            }
                            if let reply = self.control(request, session: session, core: core, overWebSocket: true) {
                                let bound = session.state.withLock { state -> Bool in
                                    guard state.binding != nil else { return false }
                                    state.control.append(reply)
                                    state.binding?.wake.yield()
                                    return true
                                }
                                if !bound { try await write(reply + TLCPEncoding.lineEnd) }
                            }
                        default:
                            try await write(TLCPEncoding.error(67, "Unsupported request") + TLCPEncoding.lineEnd)
                        }
                    }
                }
            } catch {}
            if let current { current.session.command(.detach, bindingId: current.binding) }
            await group.waitForAll()
        }
    }
}
