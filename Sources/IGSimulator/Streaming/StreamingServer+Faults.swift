extension StreamingServer {
    /// Applies a fault to one session (by id) or to every session; returns how many sessions it reached.
    @discardableResult
    func inject(_ fault: StreamingFault, sessionId: String? = nil) -> Int {
        let sessions = sessionId.map { self.session($0).map { [$0] } ?? [] } ?? self.allSessions
        self.state.withLock { $0.faults[Self.name(fault), default: 0] += 1 }
        for session in sessions {
            switch fault {
            case .drop:
                session.command(.drop)
            case .stall(let duration):
                session.command(.stall(until: duration.map { ContinuousClock.now + $0 }))
            case .loop:
                session.command(.loop)
            case .end(let code):
                if session.state.withLock({ $0.binding == nil }) {
                    self.removeSession(session)
                } else {
                    session.command(.end(code: code, message: "Session closed by the server"))
                }
            }
        }
        return sessions.count
    }

    /// Ends every stall.
    func resume() {
        for session in self.allSessions {
            session.state.withLock { state in
                if case .stall = state.binding?.command { state.binding?.command = nil }
            }
            session.command(.stall(until: .now))
        }
    }

    /// Picks a fault deterministically from the seed (the n-th call of a run always picks the same one).
    func randomFault(seed: UInt64) -> StreamingFault {
        self.state.withLock { state in
            var random = state.faultRandom ?? RandomStream(seed: DeterministicHash.combine(seed, 0x5354_5245_414D))
            let fault = StreamingFault.randomChoices[random.index(below: StreamingFault.randomChoices.count)]
            state.faultRandom = random
            return fault
        }
    }

    static func name(_ fault: StreamingFault) -> String {
        switch fault {
        case .drop: "drop"
        case .stall: "stall"
        case .loop: "loop"
        case .end(let code): "end\(code)"
        }
    }
}
