import IGModels

extension SyncReport: CustomStringConvertible {
    /// What the run fetched and spent, the allowance it last heard of and its waits, as one or more sentences:
    /// "Fetched 218 bars in 4 units (5 requests, 219 points, 1 of them to ask IG what remains). 9781 points left,
    /// resetting at 2026-12-11T09:42:06Z."
    public var tally: String {
        var text = "Fetched \(Self.counted(bars, "bar")) in \(Self.counted(units, "unit")) "
        text += "(\(Self.counted(requests, "request")), \(Self.counted(points, "point"))"
        if probePoints > 0 { text += ", \(probePoints) of them to ask IG what remains" }
        text += ")."
        if let remaining { text += " \(remaining) points left" }
        if let resetsAt { text += ", resetting at \(IGDateFormat.iso.string(from: resetsAt))Z" }
        if remaining != nil || resetsAt != nil { text += "." }
        if rateLimitWaits > 0 {
            text += " Waited \(Self.counted(rateLimitWaits, "time")) for IG's per-minute request limit."
        }
        return text
    }

    /// The ``tally``, why the run stopped (nothing when it finished) and the units IG refused, a line each.
    public var description: String {
        var text = tally
        if stop != .done { text += " Stopped: \(stop)." }
        for failure in failures { text += "\n  \(failure)" }
        return text
    }

    /// `1 bar`, `2 bars`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}

extension SyncReport.StopReason: CustomStringConvertible {
    /// Why the run ended, for a person: "the next unit would eat into the reserve", "interrupted"…
    public var description: String {
        switch self {
        case .done: "nothing left to fetch"
        case .reserve: "the next unit would eat into the reserve"
        case .allowanceExhausted: "IG says the weekly allowance is used up"
        case .requestRateLimited: "IG kept refusing requests for its per-minute request limit"
        case .interrupted: "interrupted, the unit in hand released"
        }
    }
}
