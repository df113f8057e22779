import Foundation
import NIOCore

/// The simulator's Lightstreamer server: sessions, TLCP request handling and fault injection. Transports (WebSocket,
/// HTTP streaming) live in extensions; they call ``createSession(_:protocolVersion:context:)``,
/// ``serve(_:binding:options:context:write:)`` and ``control(_:session:context:overWebSocket:)``.
final class StreamingServer: Sendable {
    struct State: Sendable {
        var sessions: [String: StreamSession] = [:]
        /// Run-time overrides of the streaming configuration.
        var maximumSessionDuration: Duration??
        var updatesPerSecond: Double?
        /// Open WebSocket channels, closed on shutdown.
        var channels: [Int: any Channel] = [:]
        var nextChannelId = 0
        var faultRandom: RandomStream?
        var faults: [String: Int] = [:]
        var shuttingDown = false
        /// Sessions created since the server started.
        var sessionsCreated = 0
    }

    let state = Locked(State())
    /// Chart ticks published into sessions, when the ledger is on (nil: off).
    let ledger = Locked<[PublishedTick]?>(nil)

    init() {}

    /// The streaming configuration in force: the simulator configuration's plus run-time overrides.
    func configuration(_ context: SimulatorContext) -> StreamingConfiguration {
        var configuration = context.configuration.streaming
        let overrides = self.state.withLock { ($0.maximumSessionDuration, $0.updatesPerSecond) }
        if let duration = overrides.0 { configuration.maximumSessionDuration = duration }
        if let rate = overrides.1 { configuration.updatesPerSecond = rate }
        return configuration
    }

    func session(_ id: String?) -> StreamSession? {
        guard let id else { return nil }
        return self.state.withLock { $0.sessions[id] }
    }

    var allSessions: [StreamSession] { self.state.withLock { Array($0.sessions.values) } }

    func removeSession(_ session: StreamSession) {
        session.markEnded()
        _ = self.state.withLock { $0.sessions.removeValue(forKey: session.id) }
    }

    // MARK: Session creation

    /// A failed create or bind: `CONERR,<code>,<message>`.
    struct ConnectionError: Error, Sendable {
        var code: Int
        var message: String
        var line: String { TLCPEncoding.conerr(self.code, self.message) }
    }

    /// Checks a TLCP version string such as `TLCP-2.4.0` (query) or `2.4.0`.
    func checkProtocol(_ text: String?, context: SimulatorContext) -> Result<String, ConnectionError> {
        guard let text, !text.isEmpty else { return .success("2.4.0") }
        let version = text.uppercased().hasPrefix("TLCP-") ? String(text.dropFirst(5)) : text
        let settings = self.configuration(context)
        guard settings.protocolVersions.contains(version) else {
            return .failure(ConnectionError(code: 65, message: "Unsupported protocol version: \(version)"))
        }
        return .success(version)
    }

    /// `create_session`: checks the adapter set and the `CST-…|XST-…` password against the token authority.
    func createSession(
        _ request: TLCPClientRequest, protocolVersion: String, context: SimulatorContext
    ) -> Result<StreamSession, ConnectionError> {
        if self.state.withLock({ $0.shuttingDown }) {
            return .failure(ConnectionError(code: 10, message: "New sessions temporarily blocked"))
        }
        if let adapterSet = request["LS_adapter_set"], !adapterSet.isEmpty, adapterSet.uppercased() != "DEFAULT" {
            return .failure(ConnectionError(code: 2, message: "Requested Adapter Set not available"))
        }
        guard let password = request["LS_password"], let tokens = Self.tokens(password) else {
            return .failure(ConnectionError(code: 1, message: "Invalid credentials"))
        }
        let accountIds = context.accounts.map(\.accountId)
        let credentials = TokenAuthority.Credentials(
            clientToken: tokens.cst, accountToken: tokens.xst, bearerToken: nil, accountId: nil)
        let now = context.now
        let result = context.tokens.withLock { $0.authenticate(credentials, accounts: accountIds, now: now) }
        guard case .success = result else {
            return .failure(ConnectionError(code: 1, message: "Invalid credentials"))
        }
        if let user = request["LS_user"], !user.isEmpty, user != "null", !accountIds.contains(user) {
            return .failure(ConnectionError(code: 1, message: "Invalid account"))
        }
        let settings = self.configuration(context)
        let keepalive = request["LS_keepalive_millis"].flatMap(Int.init).map { Swift.min(60_000, Swift.max(100, $0)) }
        // Clamped like a client's LS_keepalive_millis before it becomes an Int (a keepalive of Int.max ms trapped).
        let configured = settings.keepalive.timeInterval * 1000
        let defaultKeepalive = configured.isNaN ? 5_000 : Int(Swift.min(60_000, Swift.max(100, configured)))
        let user = request["LS_user"].flatMap { $0.isEmpty || $0 == "null" ? nil : $0 }
        let owner = StreamSessionOwner(user: user, password: password)
        let session = self.state.withLock { state -> StreamSession in
            var id = Self.makeSessionId()
            while state.sessions[id] != nil { id = Self.makeSessionId() }
            let session = StreamSession(
                id: id, owner: owner, protocolVersion: protocolVersion, accountIds: accountIds,
                keepaliveMillis: keepalive ?? Swift.max(100, defaultKeepalive),
                sendSync: request["LS_send_sync"]?.lowercased() != "false", seed: context.configuration.seed,
                recoveryCapacity: settings.recoveryBufferSize, replay: context.prices.replay)
            state.sessions[id] = session
            state.sessionsCreated += 1
            return session
        }
        return .success(session)
    }

    /// A new session id: `S` and 128 bits from the system's secure random source in hex, so that no client can
    /// guess another's session (ids used to be a counter, the first the same on every fresh simulator).
    static func makeSessionId() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = [generator.next() as UInt64, generator.next() as UInt64]
        return "S"
            + words.map { word in
                let hex = String(word, radix: 16)
                return String(repeating: "0", count: 16 - hex.count) + hex
            }.joined()
    }

    /// Splits `CST-<cst>|XST-<xst>`.
    static func tokens(_ password: String) -> (cst: String, xst: String)? {
        let parts = password.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, parts[0].hasPrefix("CST-"), parts[1].hasPrefix("XST-") else { return nil }
        let cst = String(parts[0].dropFirst(4))
        let xst = String(parts[1].dropFirst(4))
        guard !cst.isEmpty, !xst.isEmpty else { return nil }
        return (cst, xst)
    }

    /// The `CONOK` line and the lines that follow it on a create or bind.
    func preamble(
        _ session: StreamSession, keepaliveMillis: Int, context: SimulatorContext, clientIP: String?, full: Bool
    ) -> [String] {
        let link = self.configuration(context).controlLink ?? "*"
        var lines = ["CONOK,\(session.id),50000,\(keepaliveMillis),\(link)"]
        if full {
            lines.append("SERVNAME,IG Simulator Lightstreamer")
            if let clientIP { lines.append("CLIENTIP,\(clientIP)") }
            lines.append("CONS,unlimited")
        }
        return lines
    }

    // MARK: Exchange events

    /// Delivers an exchange event to every TRADE / ACCOUNT subscription it concerns.
    func publish(_ event: ExchangeEvent) {
        let change: (accountId: String, field: StreamField, json: String)
        switch event {
        case .confirm(let accountId, let json): change = (accountId, .confirms, json)
        case .positionUpdate(let accountId, let json): change = (accountId, .openPositionUpdate, json)
        case .workingOrderUpdate(let accountId, let json): change = (accountId, .workingOrderUpdate, json)
        case .accountChanged:
            for session in self.allSessions {
                session.state.withLock { $0.accountsDirty = true }
                session.wake()
            }
            return
        }
        for session in self.allSessions {
            session.state.withLock { state in
                var lines = [String]()
                for subId in state.order {
                    guard var subscription = state.subscriptions[subId] else { continue }
                    var touched = false
                    for (index, item) in subscription.items.enumerated() {
                        guard case .trade(let accountId) = item, accountId == change.accountId else { continue }
                        lines += subscription.sparseEvent(item: index, changes: [change.field: change.json])
                        touched = true
                    }
                    if touched { state.subscriptions[subId] = subscription }
                }
                if !lines.isEmpty {
                    state.appendData(lines)
                    state.binding?.wake.yield()
                }
            }
        }
    }
}
