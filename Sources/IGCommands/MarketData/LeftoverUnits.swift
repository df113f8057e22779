import IGMarketData

/// Queued units that an earlier sync left behind and the next one claims too (see
/// `HistorySyncCommand.leftover(_:queue:now:)`).
struct LeftoverUnits {
    var units: [QueuedUnit]

    /// "1 unit of CS.D.EURUSD.TODAY.IP HOUR, at most 48 points": how many, of which series, and their points.
    var description: String {
        var names: [String] = []
        for queued in units {
            let name = "\(queued.unit.key.epic) \(queued.unit.key.resolution)"
            if !names.contains(name) { names.append(name) }
        }
        let points = units.reduce(0) { $0 + $1.unit.points }
        let series = names.joined(separator: ", ")
        return "\(counted(units.count, "unit")) of \(series), at most \(counted(points, "point"))"
    }
}
