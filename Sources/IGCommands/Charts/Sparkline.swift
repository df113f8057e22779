/// A one-line chart of recent values: `▁▂▃▅▇█` scaled between their minimum and maximum.
struct Sparkline: Sendable {
    /// The values kept, oldest first.
    private(set) var values: [Double] = []
    /// How many values are kept.
    var capacity: Int

    init(capacity: Int = 20) {
        self.capacity = max(capacity, 1)
    }

    /// Adds a value, dropping the oldest beyond `capacity`.
    mutating func append(_ value: Double) {
        guard value.isFinite else { return }
        values.append(value)
        if values.count > capacity { values.removeFirst(values.count - capacity) }
    }

    private static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The line; flat values draw at mid height.
    var text: String {
        guard let low = values.min(), let high = values.max() else { return "" }
        let range = high - low
        return String(
            values.map { value in
                guard range > 0 else { return Self.levels[3] }
                let level = Int(((value - low) / range * Double(Self.levels.count - 1)).rounded())
                return Self.levels[min(max(level, 0), Self.levels.count - 1)]
            })
    }
}
