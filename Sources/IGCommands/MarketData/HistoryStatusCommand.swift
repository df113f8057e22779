import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history status`: coverage per series, points spent this week, what remains.
struct HistoryStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Coverage per epic and resolution, the allowance spent this week, the queue and the recordings.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(
        name: [.long, .customLong("env")],
        help: "Only this environment: DEMO, LIVE, SIMULATOR or a server URL (default: all).")
    var environment: String?
    @OptionGroup var output: FormatOptions

    func run() async throws {
        let location = try storeOptions.location()
        var status = StatusJSON(series: [], allowance: [], queue: [], recordings: [])
        // With --environment and nothing under it: the environments the store does hold, to name them.
        var holders: [String] = []
        var environment = environment
        // A missing store is not created (no SQLite file, no tables in an empty PostgreSQL database): a mistyped
        // --store used to leave an empty store behind.
        let present: Void? = try await storeOptions.withStoreIfPresent(location, readOnly: true) { store in
            if let typed = environment { environment = try await EnvironmentName.resolve(typed, in: store) }
            status = try await Self.gather(store, environment: environment)
            guard environment != nil, status.series.isEmpty, status.recordings.isEmpty else { return }
            let recorded = try await store.recordings().map(\.stream.environment)
            let stored = try await store.status().filter { $0.bars > 0 || !$0.coverage.ranges.isEmpty }
            holders = Set(stored.map(\.key.environment) + recorded).sorted()
        }
        let missing = present == nil ? location.description : nil
        let statusJSON = status
        let rows = status.series.map { status -> [String] in
            let first = status.coverage.ranges.first.map { IGDateFormat.iso.string(from: $0.startDate) + "Z" }
            let last = status.coverage.ranges.last.map { IGDateFormat.iso.string(from: $0.endDate) + "Z" }
            return [
                status.key.environment, status.key.epic.rawValue,
                statusJSON.name(of: status.key.epic.rawValue, in: status.key.environment) ?? "-",
                status.key.resolution.rawValue,
                String(status.bars), first ?? "-", last ?? "-", String(status.coverage.ranges.count),
                status.updatedAt.map { IGDateFormat.iso.string(from: $0) + "Z" } ?? "-",
            ]
        }
        let table = Tabular(
            columns: [
                .init(title: "ENVIRONMENT"), .init(title: "EPIC"), .init(title: "NAME"), .init(title: "RESOLUTION"),
                .init(title: "BARS", alignment: .right), .init(title: "FROM"), .init(title: "TO"),
                .init(title: "RANGES", alignment: .right), .init(title: "UPDATED"),
            ], rows: rows, json: status)
        switch output.format {
        case .json, .csv:
            if output.format == .json { try printJSON(status) } else { try table.print(as: .csv) }
            if let missing { Console.note(StoreOptions.noStore(missing)) }
        case .table:
            if let missing {
                Console.line(StoreOptions.noStore(missing))
                return
            }
            // A store that holds only recordings needs no empty table of series.
            if !status.series.isEmpty || status.recordings.isEmpty { try table.print(as: .table) }
            for entry in status.allowance {
                let allowance = entry.status
                var line =
                    "\(entry.environment) account \(allowance.account.isEmpty ? "-" : allowance.account): "
                    + "\(counted(allowance.spent, "point")) spent in the last 7 days "
                    + "(\(counted(allowance.requests, "request")))"
                if let remaining = allowance.remaining, let total = allowance.total {
                    line += "; IG last reported \(remaining)/\(total) left"
                }
                if let resets = allowance.resetsAt { line += ", resetting \(IGDateFormat.iso.string(from: resets))Z" }
                if entry.environment == HistorySeriesOptions.defaultEnvironment, allowance.remaining != nil {
                    // Each `ig` run starts its own embedded simulator, so the two figures need not add up.
                    line += " (the embedded simulator gives each ig command a fresh allowance)"
                }
                Console.line(line + ".")
            }
            for line in Self.queueLines(status.queue) + Self.recordingLines(status.recordings) { Console.line(line) }
            if status.series.isEmpty, status.recordings.isEmpty {
                if let environment, !holders.isEmpty {
                    Console.line(
                        "The store at \(location) holds no series or recordings under \(environment); it holds some "
                            + "under \(holders.joined(separator: ", ")) (--environment chooses one).")
                } else {
                    Console.line("The store at \(location) holds no series yet.")
                }
            }
        }
    }

    /// What the store holds for `environment` (all when nil): series, this week's allowance, the queue, recordings.
    static func gather(_ store: MarketDataStore, environment: String?) async throws -> StatusJSON {
        let queue = try await store.openUnits(environment: environment)
        // A series row that holds nothing (no bars, no coverage, no queued unit: its queue was cancelled) is noise.
        let queued = Set(queue.map(\.unit.key))
        let series = try await store.status(environment: environment).filter {
            $0.bars > 0 || !$0.coverage.ranges.isEmpty || queued.contains($0.key)
        }
        let recordings = try await store.recordings(environment: environment)
        let weekAgo = Date().addingTimeInterval(-7 * 86_400)
        var environments = Set(series.map(\.key.environment) + recordings.map(\.stream.environment))
        if let environment {
            environments.insert(environment)
        } else {
            // A ledger outlives the series it paid for (forgotten, or a run that only asked what remains).
            environments.formUnion(try await store.ledgerEnvironments(since: weekAgo))
        }
        var allowances: [StatusJSON.Allowance] = []
        for name in environments.sorted() {
            for status in try await store.allowance(environment: name, since: weekAgo) {
                allowances.append(StatusJSON.Allowance(environment: name, status: status))
            }
        }
        var markets: [StatusJSON.Market] = []
        for (environment, epic) in Set(series.map { [$0.key.environment, $0.key.epic.rawValue] }).sorted(by: {
            $0.lexicographicallyPrecedes($1)
        }).map({ ($0[0], $0[1]) }) {
            guard let market = try await store.market(epic: epic, environment: environment) else { continue }
            markets.append(
                StatusJSON.Market(
                    environment: environment, epic: epic, name: market.name, instrumentType: market.instrumentType,
                    scalingFactor: market.scalingFactor, updatedAt: market.updatedAt))
        }
        return StatusJSON(
            series: series, allowance: allowances, queue: queue, recordings: recordings, markets: markets)
    }
}

extension HistoryStatusCommand {
    /// Failed units listed one by one, at most.
    static let listedFailures = 5

    /// What the shared queue holds that is not done, per environment: units waiting for the next sync, units workers
    /// hold, and units IG refused, each with what to do about it.
    static func queueLines(_ queue: [QueuedUnit]) -> [String] {
        var lines: [String] = []
        let environments = queue.map(\.unit.key.environment).reduce(into: [String]()) {
            if $0.last != $1 { $0.append($1) }
        }
        for environment in environments {
            let units = queue.filter { $0.unit.key.environment == environment }
            let pending = units.filter { $0.state == .pending }
            if !pending.isEmpty {
                lines.append(
                    "\(environment) queue: \(counted(pending.count, "unit")) waiting, at most "
                        + "\(counted(pending.reduce(0) { $0 + $1.unit.points }, "point")); the next `ig history sync` "
                        + "against \(environment) fetches \(pending.count == 1 ? "it" : "them"), whatever its targets; "
                        + "`ig history forget --environment \(environment) --queued` cancels \(pending.count == 1 ? "it" : "them")."
                )
            }
            for claimed in units where claimed.state == .claimed {
                let until = claimed.claimExpires.map { " until \(IGDateFormat.iso.string(from: $0))Z" } ?? ""
                lines.append(
                    "\(environment) queue: \(describe(claimed.unit)) held by \(claimed.worker ?? "a worker")\(until); "
                        + "after that any sync may take it over.")
            }
            let failed = units.filter { $0.state == .failed }
            for refused in failed.prefix(listedFailures) {
                let key = refused.unit.key
                lines.append(
                    "\(environment) queue: \(describe(refused.unit)) refused by IG; asking for the range again retries "
                        + "it, `ig history forget \(key.epic.rawValue) -r \(key.resolution.rawValue) --environment "
                        + "\(environment) --queued` removes it.")
            }
            if failed.count > listedFailures {
                lines.append(
                    "\(environment) queue: \(counted(failed.count - listedFailures, "more unit")) refused by IG "
                        + "(--format json lists them all).")
            }
        }
        return lines
    }

    /// One line per recorded stream: from its first recorded update to its latest, its spans and its gaps.
    static func recordingLines(_ recordings: [RecordingStatus]) -> [String] {
        recordings.map { recording in
            let stream = recording.stream
            let first = IGDateFormat.iso.string(
                from: Date(timeIntervalSince1970: TimeInterval(RecordingTime.floorSeconds(recording.first))))
            let last = IGDateFormat.iso.string(
                from: Date(timeIntervalSince1970: TimeInterval(RecordingTime.floorSeconds(recording.last))))
            return
                "\(stream.environment) recorded \(stream.epic.rawValue) \(stream.stream) from \(first)Z to \(last)Z: "
                + "\(counted(recording.spans, "span")) without loss, \(counted(recording.gaps, "gap"))."
        }
    }

    private static func describe(_ unit: WorkUnit) -> String {
        let start = IGDateFormat.iso.string(from: unit.range.startDate)
        let end = IGDateFormat.iso.string(from: unit.range.endDate)
        return "\(unit.key.epic.rawValue) \(unit.key.resolution.rawValue) from \(start)Z to \(end)Z"
    }
}
