import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history forget`: remove series, or a whole environment, from the store.
struct HistoryForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Remove stored series, or everything of an environment, from the store.",
        discussion: """
            With EPICs, removes their series (every stored resolution, or those of -r): bars, coverage and queued \
            work units; the allowance ledger keeps the requests that paid for them. Without an EPIC, removes the \
            whole environment: its series, recordings (ticks, prices, account updates, gaps), ledger and market \
            details. Without --yes it only prints what it would remove. Bars removed are fetched again, and paid \
            again, when asked for.

            With --queued, removes only the work units still queued (of the EPICs' series, or of the whole \
            environment): those waiting for a sync (left by a sync stopped at the reserve or interrupted), those IG \
            refused, and those whose worker's claim ran out. Bars and coverage stay. `ig history status` lists the \
            queue.
            """)

    @Argument(help: "Epics whose series to remove (none: the whole environment).") var epics: [String] = []
    @Option(
        name: [.customShort("r"), .customLong("resolution")],
        help: "Only this resolution (repeatable): an IG name or alias (MINUTE, 1h, D…).")
    var resolutions: [String] = []
    @Option(
        name: [.long, .customLong("env")],
        help: "The environment: DEMO, LIVE, SIMULATOR or a server URL (no default: say which).")
    var environment: String
    @Flag(help: "Remove only queued work units; keep bars and coverage.") var queued = false
    @Flag(help: "Remove it; without this flag nothing is removed.") var yes = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        for resolution in resolutions {
            do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        }
        if epics.isEmpty, !resolutions.isEmpty, !queued {
            throw ValidationError("-r needs an EPIC: without one the whole environment is removed.")
        }
    }

    func run() async throws {
        let wanted = try Set(resolutions.map { try Resolution(parsing: $0) })
        try await storeOptions.withExistingStore(try storeOptions.location()) { store in
            // `demo` is DEMO, a server URL is read as the store writes it.
            var resolved = self
            resolved.environment = try await EnvironmentName.resolve(environment, in: store)
            try await resolved.forget(in: store, wanted: wanted)
        }
    }

    private func forget(in store: MarketDataStore, wanted: Set<Resolution>) async throws {
        if queued {
            try await dropQueued(store, wanted: wanted)
            return
        }
        let stored = try await store.status(environment: environment)
        let chosen =
            epics.isEmpty
            ? stored
            : stored.filter { status in
                epics.contains(status.key.epic.rawValue)
                    && (wanted.isEmpty || wanted.contains(status.key.resolution))
            }
        for status in chosen { Console.line("  \(status.key): \(Self.describe(status))") }
        if epics.isEmpty {
            try await forgetEnvironment(store, series: chosen)
            return
        }
        guard !chosen.isEmpty else {
            Console.line("Nothing to remove: the store at \(store.location) holds no such series in \(environment).")
            // What the store does hold of those epics (another letter case, resolution or environment), as
            // `ig history show` says it.
            let all = try await store.status()
            for epic in epics {
                guard
                    let held = all.first(where: {
                        $0.bars > 0 && $0.key.epic.rawValue.lowercased() == epic.lowercased()
                    })
                else { continue }
                let resolution = (wanted.count == 1 ? wanted.first : nil) ?? held.key.resolution
                let key = SeriesKey(environment: environment, epic: Epic(rawValue: epic), resolution: resolution)
                Console.line(EmptySeriesHint(key: key, rangeGiven: false).sentence(stored: all))
            }
            return
        }
        guard yes else {
            Console.line("Would remove \(Self.describe(chosen)). Nothing removed: add --yes to remove it.")
            return
        }
        var bars: Int64 = 0
        for status in chosen { bars += try await store.forget(status.key).bars }
        Console.line("Removed \(counted(chosen.count, "series", plural: "series")) (\(counted(Int(bars), "bar"))).")
    }

    private func dropQueued(_ store: MarketDataStore, wanted: Set<Resolution>) async throws {
        let now = Date()
        let open = try await store.openUnits(environment: environment).filter { queued in
            (epics.isEmpty || epics.contains(queued.unit.key.epic.rawValue))
                && (wanted.isEmpty || wanted.contains(queued.unit.key.resolution))
        }
        let held = open.filter { $0.isHeld(at: now) }
        let droppable = open.filter { queued in !held.contains(queued) }
        var keys: [SeriesKey] = []
        for queued in droppable where !keys.contains(queued.unit.key) { keys.append(queued.unit.key) }
        for key in keys {
            let units = droppable.filter { $0.unit.key == key }
            Console.line(
                "  \(key): \(counted(units.count, "queued unit")), at most "
                    + "\(counted(units.reduce(0) { $0 + $1.unit.points }, "point"))")
        }
        let keeps = held.isEmpty ? "" : "; \(counted(held.count, "unit")) a worker holds now stays"
        guard !droppable.isEmpty else {
            Console.line("Nothing to remove: no queued units of those series in \(environment)\(keeps).")
            return
        }
        guard yes else {
            Console.line(
                "Would remove \(counted(droppable.count, "queued unit")); bars and coverage stay\(keeps). "
                    + "Nothing removed: add --yes to remove them.")
            return
        }
        var dropped = 0
        for key in keys { dropped += try await store.dropQueued(environment: environment, key: key, now: now) }
        Console.line("Removed \(counted(dropped, "queued unit")); bars and coverage stay\(keeps).")
    }

    private func forgetEnvironment(_ store: MarketDataStore, series: [SeriesStatus]) async throws {
        guard yes else {
            Console.line(
                "Would remove the environment \(environment): \(Self.describe(series)), and its recordings, ledger and "
                    + "market details if any. Nothing removed: add --yes to remove it.")
            return
        }
        let summary = try await store.forget(environment: environment)
        guard !summary.isEmpty else {
            Console.line("Nothing to remove: the store at \(store.location) holds nothing of \(environment).")
            return
        }
        Console.line(
            "Removed the environment \(environment): \(counted(summary.series, "series", plural: "series")), "
                + "\(counted(Int(summary.bars), "bar")), \(counted(Int(summary.recordedRows), "recorded row")), "
                + "\(counted(Int(summary.ledgerEntries), "ledger entry", plural: "ledger entries")).")
    }

    /// `24 bars`; for a series without bars, what forgetting it still removes: the ranges IG answered as empty,
    /// which are asked of IG again afterwards.
    static func describe(_ status: SeriesStatus) -> String {
        guard status.bars == 0, !status.coverage.ranges.isEmpty else { return counted(status.bars, "bar") }
        return "0 bars; \(counted(status.coverage.ranges.count, "range")) known to hold none (asked of IG again once "
            + "forgotten)"
    }

    /// `2 series (4,320 bars)`.
    static func describe(_ series: [SeriesStatus]) -> String {
        "\(counted(series.count, "series", plural: "series")) (\(counted(series.reduce(0) { $0 + $1.bars }, "bar")))"
    }
}
