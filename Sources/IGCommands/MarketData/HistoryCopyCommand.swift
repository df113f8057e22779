import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history copy`: bring the history one store holds into another (SQLite to PostgreSQL, or back), so the points
/// its bars cost are not spent again.
struct HistoryCopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy stored history from another store into this one, without spending IG's allowance again.",
        discussion: """
            Copies what the store at --from holds and this store (--to, else --store, IG_STORE or the default \
            file) does not: per series, the ranges --from covers and this store does not, with their bars \
            (values exactly as stored) and the ranges IG answered as empty; the market details this store lacks or \
            holds from an earlier time; and the allowance ledger entries it does not hold, so `ig history status` \
            shows what each account spent this week. A copy repeated copies nothing. Each page of bars is committed \
            with the coverage it completes: an interrupted copy keeps what it wrote and a new run goes on from \
            there. Recordings of `ig record` (ticks, PRICE and account updates, spans and gaps) and queued work \
            units are not copied; candles it completed are bars and are.

            The store at --from is only read, never created: a path with no file is refused. A store written by an \
            older swift-ig is migrated when opened, as by every command that reads a store.
            """)

    @Option(
        name: .customLong("from"),
        help: ArgumentHelp("The store to copy from: an SQLite file or a postgres:// URL.", valueName: "path|url"))
    var source: String
    @Option(
        name: .customLong("to"),
        help: ArgumentHelp(
            "The store to copy into (created when missing; default: --store, $IG_STORE, else the default file).",
            valueName: "path|url"))
    var destination: String?
    @Argument(help: ArgumentHelp("Epics to copy (the same as --epic; default: every one).", valueName: "epic"))
    var epicArguments: [String] = []
    @Option(name: .customLong("epic"), help: "An epic to copy (repeatable; default: every one).")
    var epicOptions: [String] = []
    @Option(
        name: [.customShort("r"), .customLong("resolution")],
        help: "A resolution to copy (repeatable): an IG name or alias (MINUTE, 1h, D…). Default: every one.")
    var resolutions: [String] = []
    @Option(
        name: [.long, .customLong("env")],
        help: "Only this environment: DEMO, LIVE, SIMULATOR or a server URL (default: every one).")
    var environment: String?
    @Flag(help: "Print what would be copied, per series; write nothing and create no store.") var dryRun = false
    @Option(parsing: .unconditional, help: "Bars read and committed per transaction.")
    var pageSize: Int = MarketDataStore.defaultPageSize
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var output: FormatOptions

    /// The epics named as arguments, then those given with `--epic`.
    var epics: [String] { epicArguments + epicOptions }

    func validate() throws {
        guard pageSize >= 1 else { throw ValidationError("--page-size must be 1 or more bars.") }
        for resolution in resolutions {
            do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        }
        if destination != nil, storeOptions.store != nil {
            throw ValidationError("Give the store to copy into with --to or with --store, not both.")
        }
    }

    func run() async throws {
        for epic in epics { try EpicText.validate(epic) }
        let from: StoreLocation
        do { from = try StoreLocation(parsing: source) } catch { throw ValidationError("--from: \(error.description)") }
        let to: StoreLocation
        if let destination {
            do { to = try StoreLocation(parsing: destination) } catch {
                throw ValidationError("--to: \(error.description)")
            }
        } else {
            to = try storeOptions.location()
        }
        if from.isSameStore(as: to) {
            throw CommandFailure(
                "--from \(from) and the store to copy into (\(to)) are the same store: there is nothing to copy. "
                    + "Give the other store with --to (or --store).", kind: .usage)
        }
        let wanted = try resolutions.map { try Resolution(parsing: $0) }
        let copied: Void? = try await storeOptions.withStoreIfPresent(from, readOnly: true) { source in
            var environment: String?
            if let typed = self.environment { environment = try await EnvironmentName.resolve(typed, in: source) }
            try await checkChosen(source, environment: environment, resolutions: wanted)
            try await copy(from: source, to: to, environment: environment, resolutions: wanted)
        }
        if copied == nil {
            throw CommandFailure(
                "There is no store at \(from) to copy from: check --from (nothing was created).", kind: .usage)
        }
    }

    /// Refuses an environment or an epic the source holds nothing of, naming what it does hold.
    private func checkChosen(
        _ source: MarketDataStore, environment: String?, resolutions: [Resolution]
    ) async throws {
        let all = try await source.status()
        if let environment, !all.contains(where: { $0.key.environment == environment }),
            try await source.ledger(environment: environment, since: .distantPast).isEmpty
        {
            let held = Set(all.map(\.key.environment)).sorted()
            throw CommandFailure(
                "The store at \(source.location) holds nothing under \(environment)"
                    + (held.isEmpty ? "." : "; it holds \(held.joined(separator: ", ")).")
                    + " Check --environment (`ig history status --store \(source.location)` lists it).", kind: .usage)
        }
        let chosen = all.filter { environment == nil || $0.key.environment == environment }
        for epic in epics {
            let series = chosen.filter { $0.key.epic.rawValue.uppercased() == epic.uppercased() }
            guard series.isEmpty || !resolutions.isEmpty else { continue }
            guard series.contains(where: { resolutions.isEmpty || resolutions.contains($0.key.resolution) }) else {
                let held = series.map { "\($0.key.resolution.rawValue) (\($0.key.environment))" }
                throw CommandFailure(
                    "The store at \(source.location) holds no series of \(epic)"
                        + (environment.map { " in \($0)" } ?? "")
                        + (held.isEmpty
                            ? ""
                            : " at \(resolutions.map(\.rawValue).joined(separator: ", ")); it holds "
                                + held.joined(separator: ", "))
                        + ". Check the epic and -r (`ig history status --store \(source.location)` lists every "
                        + "series).", kind: .usage)
            }
        }
    }

    private func copy(
        from source: MarketDataStore, to location: StoreLocation, environment: String?, resolutions: [Resolution]
    ) async throws {
        let epics = self.epics.map { Epic(rawValue: $0) }
        guard dryRun else {
            try await storeOptions.withStore(location) { destination in
                let bar = ProgressBar(label: "copy")
                let report: StoreCopyReport
                do {
                    report = try await destination.copy(
                        from: source, environment: environment, epics: epics, resolutions: resolutions,
                        pageSize: pageSize
                    ) { progress in
                        bar.update(
                            done: progress.bars, total: progress.barsPlanned, unit: "bars",
                            detail: " (\(progress.series))")
                    }
                } catch {
                    bar.finish()
                    throw CommandFailure(error, note: "Everything copied before this was kept; run again to go on.")
                }
                bar.finish()
                try show(report, from: source.location, to: location)
            }
            return
        }
        // A dry run writes nothing: the store to copy into is opened only to read, and when there is none it plans as
        // for an empty one, of its own, removed afterwards.
        let plan: (MarketDataStore) async throws -> Void = { destination in
            let report = try await destination.copy(
                from: source, environment: environment, epics: epics, resolutions: resolutions, dryRun: true)
            try show(report, from: source.location, to: location)
        }
        if try await storeOptions.withStoreIfPresent(location, readOnly: true, plan) != nil { return }
        Console.note("There is no store at \(location) yet: planned as for an empty one (a dry run creates nothing).")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ig-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try await storeOptions.withStore(
            .sqlite(path: folder.appendingPathComponent("plan.sqlite").path), quietly: true, plan)
    }

    /// Prints the report: per series for a dry run (or every format but the table), then the summary line.
    private func show(_ report: StoreCopyReport, from source: StoreLocation, to destination: StoreLocation) throws {
        let summary = Self.summary(report, from: source, to: destination)
        switch output.format {
        case .json:
            try printJSON(CopyJSON(source: source.description, destination: destination.description, report: report))
            Console.note(summary)
        case .csv:
            let rows = report.series.map { series in
                [
                    series.key.environment, series.key.epic.rawValue, series.key.resolution.rawValue,
                    String(series.ranges.count), String(series.bars), String(series.sourceBars),
                ]
            }
            try Tabular(
                columns: [
                    .init(title: "environment"), .init(title: "epic"), .init(title: "resolution"),
                    .init(title: "ranges"), .init(title: "bars"), .init(title: "source_bars"),
                ], rows: rows, json: report
            ).print(as: .csv)
            Console.note(summary)
        case .table:
            if report.dryRun {
                for series in report.series { Console.line("  \(series.key): \(Self.describe(series))") }
            }
            Console.line(summary)
        }
    }

    /// `120 bars in 2 ranges: [a, b), [c, d)`, or that the destination covers the series already.
    static func describe(_ series: StoreCopyReport.Series) -> String {
        guard !series.isCovered else { return "covered already (\(counted(series.sourceBars, "bar")) in the source)" }
        let shown = series.ranges.prefix(3).map(\.description).joined(separator: ", ")
        let more = series.ranges.count > 3 ? " and \(series.ranges.count - 3) more" : ""
        return "\(counted(series.bars, "bar")) in \(counted(series.ranges.count, "range")): \(shown)\(more)"
    }

    /// The one-line summary: what was (or would be) copied from where into where.
    static func summary(_ report: StoreCopyReport, from source: StoreLocation, to destination: StoreLocation) -> String
    {
        let seriesCopied = report.series.filter { !$0.isCovered }.count
        let what =
            "\(counted(report.bars, "bar")) in \(counted(report.ranges, "range")) of "
            + "\(counted(seriesCopied, "series", plural: "series")), "
            + "\(counted(report.markets, "market detail")) and "
            + "\(counted(report.ledgerEntries, "ledger entry", plural: "ledger entries"))"
        if report.dryRun {
            return "Would copy \(what) from \(source) into \(destination). Nothing was written (a dry run)."
        }
        if report.isEmpty {
            return "Copied nothing: \(destination) already holds everything \(source) has of "
                + "\(counted(report.series.count, "series", plural: "series")) chosen."
        }
        return "Copied \(what) from \(source) into \(destination)."
    }

    /// `--format json`: the report with both stores named.
    struct CopyJSON: Encodable {
        var source: String
        var destination: String
        var report: StoreCopyReport

        private enum CodingKeys: String, CodingKey {
            case source, destination, dryRun, bars, ranges, markets, ledgerEntries, series
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(destination, forKey: .destination)
            try container.encode(report.dryRun, forKey: .dryRun)
            try container.encode(report.bars, forKey: .bars)
            try container.encode(report.ranges, forKey: .ranges)
            try container.encode(report.markets, forKey: .markets)
            try container.encode(report.ledgerEntries, forKey: .ledgerEntries)
            try container.encode(report.series, forKey: .series)
        }
    }
}
