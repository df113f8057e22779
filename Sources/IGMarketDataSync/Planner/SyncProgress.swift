/// Progress of a sync, reported after each unit.
public struct SyncProgress: Sendable, Hashable {
    /// Units completed by this process.
    public var unitsDone: Int
    /// Units in the plan this process computed.
    public var unitsPlanned: Int
    /// Points spent on bars so far (not the one-point requests that ask IG what remains, which the plan does not
    /// count either, so this stays within ``pointsPlanned``).
    public var points: Int
    /// Points the plan needs at most.
    public var pointsPlanned: Int
    /// The series of the last unit.
    public var series: String

    /// Progress from its counts.
    public init(unitsDone: Int, unitsPlanned: Int, points: Int, pointsPlanned: Int, series: String) {
        self.unitsDone = unitsDone
        self.unitsPlanned = unitsPlanned
        self.points = points
        self.pointsPlanned = pointsPlanned
        self.series = series
    }
}
