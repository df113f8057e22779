import Foundation

// The clock's controls: GET /simulator/clock (the time and mode), POST /simulator/clock {"time"} or {"step"}.

extension TestControlsArea {
    /// Answers `/simulator/clock`, or nil for other paths.
    func handleClock(_ request: RESTRequest, path: String) -> RESTResponse? {
        guard path == "clock" else { return nil }
        switch request.method {
        case "GET":
            return .ok(Self.clockJSON(self.context))
        case "POST":
            guard let body = try? request.json() else {
                return .error(RESTError(status: 400, code: "invalid.input"))
            }
            let before = self.context.streaming.producedNotifications
            do {
                if let step = body["step"] {
                    guard let seconds = step.doubleValue else { throw ClockMoveError.invalidStep }
                    try self.advanceClock(by: seconds)
                } else if let time = body["time"] {
                    guard let target = Self.clockTarget(time) else {
                        return .error(RESTError(status: 400, code: "error.simulator.clock-invalid-time"))
                    }
                    try self.advanceClock(to: target)
                } else {
                    return .error(RESTError(status: 400, code: "invalid.input"))
                }
            } catch let error as ClockMoveError {
                return .error(RESTError(status: 400, code: error.code.rawValue))
            } catch {
                return .error(RESTError(status: 400, code: "invalid.input"))
            }
            // How many data notifications (updates) the streams received for the step, so that a client can wait
            // for exactly those before deciding.
            let produced = self.context.streaming.producedNotifications - before
            guard case .object(var members) = Self.clockJSON(self.context) else {
                return .ok(Self.clockJSON(self.context))
            }
            members.append(("updates", .int(Int(Swift.max(0, produced)))))
            return .ok(.object(members))
        default:
            return .error(RESTError(status: 405, code: "invalid.method"))
        }
    }

    /// Moves a stepped clock to `target` and generates every stream's updates at the new time.
    func advanceClock(to target: Date) throws(ClockMoveError) {
        let now = try self.context.clock.move(to: target)
        self.afterClockMove(now)
    }

    /// Moves a stepped clock forward by `seconds` and generates every stream's updates at the new time.
    func advanceClock(by seconds: Double) throws(ClockMoveError) {
        let now = try self.context.clock.step(by: seconds)
        self.afterClockMove(now)
    }

    private func afterClockMove(_ now: Date) {
        // Let the dealing engine replay the path up to the new time (stops, limits, orders, expiries) so their
        // events reach the streams generated below.
        self.context.desk.withDealing(now: now) { _ in ((), []) }
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
        self.context.streaming.generateAll(at: millis, context: self.context)
    }

    /// `{"time": "…Z", "epochMillis": …, "mode": "WALL|ACCELERATED|STEPPED"}`.
    static func clockJSON(_ context: SimulatorContext) -> SimulatorJSON {
        let now = context.now
        let mode: String =
            switch context.clock.mode {
            case .wall: "WALL"
            case .accelerated: "ACCELERATED"
            case .stepped: "STEPPED"
            }
        return [
            "time": .string(now.formatted(.iso8601)),
            "epochMillis": .int(Int((now.timeIntervalSince1970 * 1000).rounded(.down))),
            "mode": .string(mode),
        ]
    }

    /// A target time: ISO 8601 (`2025-03-03T08:00:00Z`) or epoch milliseconds.
    static func clockTarget(_ value: SimulatorJSON) -> Date? {
        if case .string(let text) = value {
            if let date = try? Date(text, strategy: .iso8601) { return date }
            guard let millis = Double(text) else { return nil }
            return millis.isFinite ? Date(timeIntervalSince1970: millis / 1000) : nil
        }
        guard let millis = value.doubleValue, millis.isFinite else { return nil }
        return Date(timeIntervalSince1970: millis / 1000)
    }
}
