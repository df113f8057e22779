/// One subscription of a session (`LS_op=add`): its items, fields, mode and what each item last published.
///
/// Pure value type: it turns fresh field values into `U` lines, sending unchanged fields as empty tokens or `^N`
/// runs, the first event of an item in full, and enforcing the requested maximum frequency.
struct StreamSubscription: Sendable {
    /// TLCP subscription modes.
    enum Mode: String, Sendable, Hashable {
        case raw = "RAW"
        case merge = "MERGE"
        case distinct = "DISTINCT"
        case command = "COMMAND"
    }

    let id: Int
    let mode: Mode
    let items: [StreamItem]
    /// The instrument of each price-like item (resolved once).
    let instruments: [Instrument?]
    let fields: [StreamField]
    let snapshot: Bool
    /// Updates per second per item, nil for unlimited.
    var maxFrequency: Double?
    /// Last published tokens per item (encoded), nil before the first event.
    private(set) var last: [[String]?]
    /// Last publication time (ms) per item.
    private(set) var lastMillis: [Int64]
    /// Events dropped per item since the last publication (reported with `OV` for DISTINCT/RAW).
    private(set) var dropped: [Int]
    /// Start of the candle each CHART candle item last published.
    var candleStart: [Int64?]
    /// Start of the last candle each CHART candle item published as complete (`CONS_END` 1): a candle is completed once.
    var completedStart: [Int64?]

    init(
        id: Int, mode: Mode, items: [StreamItem], fieldNames: [String], snapshot: Bool, maxFrequency: Double?,
        catalog: Catalog? = nil
    ) {
        self.id = id
        self.mode = mode
        self.items = items
        self.instruments = items.map { item in item.epic.flatMap { catalog?.instrument(epic: $0) } }
        let family = items.first?.family ?? .market
        self.fields = fieldNames.map { StreamField(name: $0, family: family) }
        self.snapshot = snapshot
        self.maxFrequency = maxFrequency
        self.last = Array(repeating: nil, count: items.count)
        self.lastMillis = Array(repeating: Int64.min, count: items.count)
        self.dropped = Array(repeating: 0, count: items.count)
        self.candleStart = Array(repeating: nil, count: items.count)
        self.completedStart = Array(repeating: nil, count: items.count)
    }

    /// True when this is a MERGE subscription (at most one pending state per item).
    var isMerge: Bool { self.mode == .merge }

    /// The lines for one event of item `index` (0-based) with `values` (nil = null): an optional `OV` and the `U`
    /// line. MERGE events that change nothing produce no line; events beyond the maximum frequency are conflated
    /// (MERGE) or dropped and counted (DISTINCT, RAW). `force` ignores the frequency (snapshots, TRADE).
    mutating func event(
        item index: Int, values: [String?], millis: Int64, force: Bool = false, skipUnchanged: Bool? = nil
    ) -> [String] {
        let encoded = values.map(TLCPEncoding.value)
        if !force, let frequency = self.maxFrequency, frequency > 0,
            self.lastMillis[index] != Int64.min,
            Double(millis - self.lastMillis[index]) < 1000 / frequency
        {
            if !self.isMerge { self.dropped[index] += 1 }
            return []
        }
        var tokens = [String?]()
        tokens.reserveCapacity(encoded.count)
        var changed = false
        if let previous = self.last[index] {
            for (old, new) in zip(previous, encoded) {
                if old == new {
                    tokens.append(nil)
                } else {
                    tokens.append(new)
                    changed = true
                }
            }
        } else {
            tokens = encoded
            changed = true
        }
        if !changed, skipUnchanged ?? self.isMerge { return [] }
        var lines = [String]()
        if self.dropped[index] > 0 {
            lines.append("OV,\(self.id),\(index + 1),\(self.dropped[index])")
            self.dropped[index] = 0
        }
        lines.append(TLCPEncoding.update(subscription: self.id, item: index + 1, tokens: tokens))
        self.last[index] = encoded
        self.lastMillis[index] = millis
        return lines
    }

    /// A TRADE-style event where only the given fields changed: the first event of the item sends every field
    /// (nulls explicit), later events send the changed field and leave the others empty (unchanged).
    mutating func sparseEvent(item index: Int, changes: [StreamField: String]) -> [String] {
        let values = self.fields.map { changes[$0] }
        if self.last[index] == nil {
            return self.event(item: index, values: values, millis: 0, force: true)
        }
        let tokens = values.map { value in value.map(TLCPEncoding.value) }
        var merged = self.last[index] ?? []
        for (position, token) in tokens.enumerated() where token != nil { merged[position] = token ?? "#" }
        self.last[index] = merged
        return [TLCPEncoding.update(subscription: self.id, item: index + 1, tokens: tokens)]
    }
}
