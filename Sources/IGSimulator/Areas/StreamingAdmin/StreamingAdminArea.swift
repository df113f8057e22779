import Foundation

// Streaming test controls under /simulator/streaming (no API key, no tokens).
//
// POST drop | loop | resume | invalidate-tokens | random        {"session": id?}
// POST stall {"session": id?, "seconds": n?}    POST end {"session": id?, "code": 48}
// POST expire {"seconds": n | null}             POST rate {"updatesPerSecond": n}
// POST trade {"accountId": id?, "confirms"|"opu"|"wou": object or string}
// GET  sessions

/// The Lightstreamer server's test controls under `/simulator/streaming`: faults, session expiry, update rate,
/// injected TRADE updates and the list of sessions.
struct StreamingAdminArea: SimulatorComponent {
    let context: SimulatorContext

    /// Answers a `/simulator/streaming/…` request; nil when the path is not a streaming control.
    func handle(_ request: RESTRequest, path: String) -> RESTResponse? {
        guard path.hasPrefix("streaming/") else { return nil }
        let action = String(path.dropFirst("streaming/".count))
        let body = (try? request.json()) ?? .null
        let sessionId = body["session"]?.stringValue
        let server = self.context.streaming
        func reached(_ count: Int) -> RESTResponse { .ok(["status": "SUCCESS", "sessions": .int(count)]) }
        switch (request.method, action) {
        case ("POST", "drop"): return reached(server.inject(.drop, sessionId: sessionId))
        case ("POST", "loop"): return reached(server.inject(.loop, sessionId: sessionId))
        case ("POST", "stall"):
            guard let duration = Self.duration(body["seconds"]) else {
                return .error(RESTError(status: 400, code: "invalid.input"))
            }
            return reached(server.inject(.stall(duration), sessionId: sessionId))
        case ("POST", "resume"):
            server.resume()
            return .ok(["status": "SUCCESS"])
        case ("POST", "end"):
            let code = body["code"]?.intValue ?? 32
            return reached(server.inject(.end(code: code), sessionId: sessionId))
        case ("POST", "expire"):
            guard let duration = Self.duration(body["seconds"]) else {
                return .error(RESTError(status: 400, code: "invalid.input"))
            }
            server.state.withLock { $0.maximumSessionDuration = .some(duration) }
            return .ok(["status": "SUCCESS"])
        case ("POST", "rate"):
            guard let rate = body["updatesPerSecond"]?.doubleValue, rate > 0, rate.isFinite else {
                return .error(RESTError(status: 400, code: "invalid.input"))
            }
            server.state.withLock { $0.updatesPerSecond = rate }
            return .ok(["status": "SUCCESS"])
        case ("POST", "invalidate-tokens"):
            self.context.tokens.withLock { $0.invalidateAll() }
            return .ok(["status": "SUCCESS"])
        case ("POST", "random"):
            let fault = server.randomFault(seed: self.configuration.seed)
            let count = server.inject(fault, sessionId: sessionId)
            return .ok(["status": "SUCCESS", "fault": .string(StreamingServer.name(fault)), "sessions": .int(count)])
        case ("POST", "trade"):
            let accountId = body["accountId"]?.stringValue ?? self.accounts[0].accountId
            var published = 0
            for (key, make) in [
                ("confirms", ExchangeEvent.confirm), ("opu", ExchangeEvent.positionUpdate),
                ("wou", ExchangeEvent.workingOrderUpdate),
            ] {
                guard let value = body[key], !value.isNull else { continue }
                let json = value.stringValue ?? String(decoding: value.serialized, as: UTF8.self)
                self.context.events.publish(make(accountId, json))
                published += 1
            }
            guard published > 0 else { return .error(RESTError(status: 400, code: "invalid.input")) }
            return .ok(["status": "SUCCESS"])
        case ("GET", "sessions"):
            let sessions = server.allSessions.map { session -> SimulatorJSON in
                let (subscriptions, bound, prog) = session.state.withLock {
                    ($0.subscriptions.count, $0.binding != nil, $0.nextProg - 1)
                }
                return [
                    "id": .string(session.id), "subscriptions": .int(subscriptions), "bound": .bool(bound),
                    "dataNotifications": .int(Int(prog)),
                ]
            }
            return .ok(["sessions": .array(sessions)])
        default:
            return .error(RESTError(status: 404, code: "invalid.url"))
        }
    }

    /// The longest stall or session lifetime a test control accepts: a day.
    static let maximumControlSeconds: Double = 86_400

    /// A `seconds` member: `.some(nil)` when absent or `null` (no limit), `.some(duration)` for a number of
    /// seconds in 0…``maximumControlSeconds``, nil (refused) for anything else (`1e300`, `-1`, `"soon"`).
    static func duration(_ value: SimulatorJSON?) -> Duration?? {
        guard let value, !value.isNull else { return .some(nil) }
        guard let seconds = value.doubleValue, seconds.isFinite, (0...Self.maximumControlSeconds).contains(seconds)
        else { return nil }
        return .some(.milliseconds(Int64((seconds * 1000).rounded())))
    }
}
