/// The time ranges of one series that the store holds: sorted, disjoint and not touching.
///
/// Coverage includes ranges IG answered as empty (weekends, closed markets), so a covered range is never fetched
/// again. A pure value: the store persists it, the cache and the planner compute with it.
public struct Coverage: Sendable, Hashable, Codable {
    /// The covered ranges, oldest first; no two overlap or touch.
    public private(set) var ranges: [TimeRange]

    /// Coverage of the given ranges (merged).
    public init(_ ranges: [TimeRange] = []) {
        self.ranges = []
        for range in ranges.sorted() { insert(range) }
    }

    /// Adds a range, merging it with the ranges it overlaps or touches.
    public mutating func insert(_ range: TimeRange) {
        guard !range.isEmpty else { return }
        var merged = range
        var kept: [TimeRange] = []
        kept.reserveCapacity(ranges.count + 1)
        var placed = false
        for existing in ranges {
            if existing.end < merged.start {
                kept.append(existing)
            } else if existing.start > merged.end {
                if !placed {
                    kept.append(merged)
                    placed = true
                }
                kept.append(existing)
            } else {
                merged = TimeRange(
                    start: Swift.min(existing.start, merged.start), end: Swift.max(existing.end, merged.end))
            }
        }
        if !placed { kept.append(merged) }
        ranges = kept
    }

    /// The coverage with one more range.
    public func inserting(_ range: TimeRange) -> Coverage {
        var copy = self
        copy.insert(range)
        return copy
    }

    /// The parts of `range` that are not covered, oldest first.
    public func missing(in range: TimeRange) -> [TimeRange] {
        guard !range.isEmpty else { return [] }
        var gaps: [TimeRange] = []
        var cursor = range.start
        for existing in ranges where existing.end > range.start {
            if existing.start >= range.end { break }
            if existing.start > cursor { gaps.append(TimeRange(start: cursor, end: existing.start)) }
            cursor = Swift.max(cursor, existing.end)
            if cursor >= range.end { break }
        }
        if cursor < range.end { gaps.append(TimeRange(start: cursor, end: range.end)) }
        return gaps
    }

    /// Whether every second of `range` is covered.
    public func covers(_ range: TimeRange) -> Bool { missing(in: range).isEmpty }

    /// Covered seconds in total.
    public var totalSeconds: Int64 { ranges.reduce(0) { $0 + $1.length } }
}
