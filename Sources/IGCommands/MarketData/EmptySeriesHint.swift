import Foundation
import IGMarketData
import IGModels

/// What `ig history show` and `export` tell a person who got no bars: what the store does hold for that epic (at
/// other resolutions, under other environments, in other letter case, or outside the range asked for), else how to
/// fetch it.
struct EmptySeriesHint {
    /// The series that was asked for.
    var key: SeriesKey
    /// Whether `--from` or `--to` limited the range.
    var rangeGiven: Bool

    /// The sentence for a store whose series are `stored` (as `MarketDataStore.status()` lists them).
    func sentence(stored: [SeriesStatus]) -> String {
        let epic = key.epic.rawValue
        let same = stored.filter { $0.bars > 0 && $0.key.epic.rawValue.lowercased() == epic.lowercased() }
        if let exact = same.first(where: { $0.key == key }) {
            let first = exact.coverage.ranges.first.map { IGDateFormat.iso.string(from: $0.startDate) + "Z" } ?? "-"
            let last = exact.coverage.ranges.last.map { IGDateFormat.iso.string(from: $0.endDate) + "Z" } ?? "-"
            return "The store holds \(counted(exact.bars, "bar")) of \(key), covering \(first) to \(last); "
                + (rangeGiven ? "none in the range asked for." : "none here.")
        }
        if let empty = stored.first(where: { $0.key == key && $0.bars == 0 }),
            let first = empty.coverage.ranges.first, let last = empty.coverage.ranges.last
        {
            // Fetched, and IG had no bars there: fetching again would find none and is not done.
            return "The store holds no bars of \(key): IG answered the range it covers, "
                + "\(IGDateFormat.iso.string(from: first.startDate))Z to \(IGDateFormat.iso.string(from: last.endDate))Z, "
                + "as empty (a weekend or a closed market), so it is not asked for again."
        }
        guard !same.isEmpty else {
            return "The store holds no bars of \(epic) at all. Fetch them with `ig history sync \(epic) "
                + "-r \(key.resolution.rawValue) --from DATE` (add --env demo or live for IG's), "
                + "or see what it holds with `ig history status`."
        }
        let held = same.map {
            "\($0.key.epic.rawValue) \($0.key.resolution.rawValue) under \($0.key.environment) "
                + "(\(counted($0.bars, "bar")))"
        }
        func choices(_ values: [String]) -> String {
            var seen: Set<String> = []
            return values.filter { seen.insert($0).inserted }.joined(separator: " or ")
        }
        var options: [String] = []
        if !same.contains(where: { $0.key.epic.rawValue == epic }) {
            options.append("the epic as \(choices(same.map(\.key.epic.rawValue)))")
        }
        if !same.contains(where: { $0.key.resolution == key.resolution }) {
            options.append(choices(same.map { "-r \($0.key.resolution.rawValue)" }))
        }
        if !same.contains(where: { $0.key.environment == key.environment }) {
            options.append(choices(same.map { "--environment \($0.key.environment)" }))
        }
        return "The store holds \(held.joined(separator: ", ")). Give "
            + (options.isEmpty ? "one of those series" : options.joined(separator: ", ")) + "."
    }

    /// Refuses (exit 64) a series `store` does not hold, neither bars nor ranges IG answered as empty, with what it
    /// does hold after `lead` (e.g. "Nothing exported"); returns for a series it holds, even without bars.
    static func requireStored(_ key: SeriesKey, in store: MarketDataStore, lead: String) async throws {
        let stored = try await store.status()
        guard !stored.contains(where: { $0.key == key && ($0.bars > 0 || !$0.coverage.ranges.isEmpty) }) else {
            return
        }
        throw CommandFailure(
            lead + ": " + EmptySeriesHint(key: key, rangeGiven: false).sentence(stored: stored), kind: .usage)
    }

    /// Notes on standard error why `key` came back empty, reading what `store` holds.
    static func note(_ key: SeriesKey, rangeGiven: Bool, store: MarketDataStore) async throws {
        let stored = try await store.status()
        Console.note(EmptySeriesHint(key: key, rangeGiven: rangeGiven).sentence(stored: stored))
    }
}
