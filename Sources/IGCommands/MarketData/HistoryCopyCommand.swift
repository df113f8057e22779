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
            (values exactly as stored) and the ranges IG answered as empty; the recordings of `ig record` (ticks, \
            PRICE updates, the account's ACCOUNT and TRADE updates, and their spans and gaps); the market details \
            this store lacks or holds from an earlier time; and the allowance ledger entries it does not hold, so \
            `ig history status` shows what each account spent this week. A copy repeated copies nothing. Each page \
            is committed with the coverage (or the span recorded without loss) it completes: an interrupted copy \
            keeps what it wrote and a new run goes on from there. Queued work units are not copied.

            Recordings merge as if both recorders had written into one store: spans are the union of both; a gap \
            of --from is added unless the spans of the two stores cover it (then the stretch was recorded without \
            loss). An epic this store holds in another letter case keeps this store's spelling. An account's \
            streams are filed under its account id: they are copied when no epic is given, or when the account id \
            is given as one. With -r, ticks, PRICE and account updates (which have no resolution) are left out.

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
    @Argument(
        help: ArgumentHelp(
            "Epics (or account ids, for their ACCOUNT and TRADE recordings) to copy (the same as --epic; default: "
                + "every one).", valueName: "epic"))
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
    @Flag(help: "Print what would be copied, per series and recorded stream; write nothing and create no store.")
    var dryRun = false
    @Option(parsing: .unconditional, help: "Bars, or recorded rows, read and committed per transaction.")
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
        // An account id (for its recorded streams) is not an epic's form: checked against the source once open.
        let accountIDs = epics.filter { !Epic(rawValue: $0).hasIGForm }
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
            try await checkAccountIDs(accountIDs, in: source)
            try await checkChosen(source, environment: environment, resolutions: wanted)
            try await copy(from: source, to: to, environment: environment, resolutions: wanted)
        }
        if copied == nil {
            throw CommandFailure(
                "There is no store at \(from) to copy from: check --from (nothing was created).", kind: .usage)
        }
    }

    /// Refuses an argument that is neither an epic's form nor the account id of a recorded account stream of
    /// `source`, as an epic that is not one is refused everywhere.
    private func checkAccountIDs(_ names: [String], in source: MarketDataStore) async throws {
        guard !names.isEmpty else { return }
        let accounts = Set(
            try await source.recordings().filter(\.stream.isAccountStream).map { $0.stream.epic.rawValue.uppercased() })
        for name in names where !accounts.contains(name.uppercased()) { try EpicText.validate(name) }
    }

    /// Refuses an environment or an epic the source holds nothing of, naming what it does hold.
    private func checkChosen(
        _ source: MarketDataStore, environment: String?, resolutions: [Resolution]
    ) async throws {
        let all = try await source.status()
        let recorded = try await source.recordings()
        if let environment, !all.contains(where: { $0.key.environment == environment }),
            !recorded.contains(where: { $0.stream.environment == environment }),
            try await source.ledger(environment: environment, since: .distantPast).isEmpty
        {
            let held = Set(all.map(\.key.environment) + recorded.map(\.stream.environment)).sorted()
            throw CommandFailure(
                "The store at \(source.location) holds nothing under \(environment)"
                    + (held.isEmpty ? "." : "; it holds \(held.joined(separator: ", ")).")
                    + " Check --environment (`ig history status --store \(source.location)` lists it).", kind: .usage)
        }
        let chosen = all.filter { environment == nil || $0.key.environment == environment }
        let streams = recorded.filter { environment == nil || $0.stream.environment == environment }
        for epic in epics {
            let series = chosen.filter { $0.key.epic.rawValue.uppercased() == epic.uppercased() }
            let recordings = streams.filter { $0.stream.epic.rawValue.uppercased() == epic.uppercased() }
            if series.isEmpty, recordings.isEmpty {
                throw CommandFailure(
                    "The store at \(source.location) holds no series or recording of \(epic)"
                        + (environment.map { " in \($0)" } ?? "")
                        + ". Check the epic (`ig history status --store \(source.location)` lists every series and "
                        + "recording).", kind: .usage)
            }
            guard !resolutions.isEmpty else { continue }
            let held = Set(series.map(\.key.resolution) + recordings.compactMap(\.stream.candleResolution))
            guard held.isDisjoint(with: resolutions) else { continue }
            let named =
                series.map { "\($0.key.resolution.rawValue) (\($0.key.environment))" }
                + recordings.map { "\($0.stream.stream) recorded (\($0.stream.environment))" }
            throw CommandFailure(
                "The store at \(source.location) holds no series of \(epic)" + (environment.map { " in \($0)" } ?? "")
                    + " at \(resolutions.map(\.rawValue).joined(separator: ", ")); it holds "
                    + named.joined(separator: ", ")
                    + ". Check the epic and -r (`ig history status --store \(source.location)` lists every series).",
                kind: .usage)
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
                        let what = progress.series.map(\.description) ?? progress.stream.map(\.description) ?? ""
                        bar.update(
                            done: progress.bars + progress.rows, total: progress.barsPlanned + progress.rowsPlanned,
                            unit: progress.rowsPlanned > 0 ? "rows" : "bars", detail: " (\(what))")
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

    /// Prints the report: per series and recorded stream for a dry run (or every format but the table), then the
    /// summary line.
    private func show(_ report: StoreCopyReport, from source: StoreLocation, to destination: StoreLocation) throws {
        let summary = Self.summary(report, from: source, to: destination)
        if !report.dryRun { Self.noteRespelled(report) }
        switch output.format {
        case .json:
            try printJSON(CopyJSON(source: source.description, destination: destination.description, report: report))
            Console.note(summary)
        case .csv:
            let series = report.series.map { series in
                [
                    series.key.environment, series.key.epic.rawValue, series.key.resolution.rawValue, "",
                    series.filedAs.epic.rawValue, String(series.ranges.count), String(series.bars),
                    String(series.sourceBars), "", "", "",
                ]
            }
            let recordings = report.recordings.map { recording in
                [
                    recording.stream.environment, recording.stream.epic.rawValue, "", recording.stream.stream,
                    recording.filedAs.epic.rawValue, "", "", "", String(recording.rows), String(recording.spans),
                    String(recording.gaps),
                ]
            }
            try Tabular(
                columns: [
                    .init(title: "environment"), .init(title: "epic"), .init(title: "resolution"),
                    .init(title: "stream"), .init(title: "filed_as"), .init(title: "ranges"), .init(title: "bars"),
                    .init(title: "source_bars"), .init(title: "rows"), .init(title: "spans"), .init(title: "gaps"),
                ], rows: series + recordings, json: report
            ).print(as: .csv)
            Console.note(summary)
        case .table:
            if report.dryRun {
                for series in report.series { Console.line("  \(series.key): \(Self.describe(series))") }
                for recording in report.recordings {
                    Console.line("  \(recording.stream) recorded: \(Self.describe(recording))")
                }
            }
            Console.line(summary)
        }
    }

    /// Says on standard error which epics were filed under the destination's spelling of them.
    static func noteRespelled(_ report: StoreCopyReport) {
        var pairs: [String] = []
        let respelled =
            report.series.map { ($0.key.epic, $0.filedAs.epic) }
            + report.recordings.map { ($0.stream.epic, $0.filedAs.epic) }
        for (epic, filed) in respelled where epic != filed {
            let pair = "\(epic.rawValue) under \(filed.rawValue)"
            if !pairs.contains(pair) { pairs.append(pair) }
        }
        for pair in pairs {
            Console.note("Filed \(pair): the store held it in that letter case (one market, one series).")
        }
    }

    /// `120 bars in 2 ranges: [a, b), [c, d)`, or that the destination covers the series already.
    static func describe(_ series: StoreCopyReport.Series) -> String {
        let filed = series.filedAs.epic == series.key.epic ? "" : " (filed under \(series.filedAs.epic))"
        guard !series.isCovered else { return "covered already (\(counted(series.sourceBars, "bar")) in the source)" }
        let shown = series.ranges.prefix(3).map(\.description).joined(separator: ", ")
        let more = series.ranges.count > 3 ? " and \(series.ranges.count - 3) more" : ""
        return "\(counted(series.bars, "bar")) in \(counted(series.ranges.count, "range")): \(shown)\(more)\(filed)"
    }

    /// `1,204 ticks in 2 spans, 1 gap`, or that the destination holds the recording already.
    static func describe(_ recording: StoreCopyReport.Recording) -> String {
        guard !recording.isCovered else { return "held already" }
        let filed = recording.filedAs.epic == recording.stream.epic ? "" : " (filed under \(recording.filedAs.epic))"
        var text = rowNoun(recording.stream.stream).map { counted(recording.rows, $0, grouped: true) } ?? ""
        if recording.spans > 0 {
            text += (text.isEmpty ? "" : " in ") + counted(recording.spans, "span") + " recorded without loss"
        }
        if recording.gaps > 0 { text += (text.isEmpty ? "" : ", ") + counted(recording.gaps, "gap") }
        return text + filed
    }

    /// What a row of a stream is called: `tick`, `PRICE update`, `account update`; nil for a candle stream.
    static func rowNoun(_ stream: String) -> String? {
        switch stream {
        case RecordedStream.ticks: "tick"
        case RecordedStream.prices: "PRICE update"
        case RecordedStream.account, RecordedStream.trade: "account update"
        default: nil
        }
    }

    /// The one-line summary: what was (or would be) copied from where into where.
    static func summary(_ report: StoreCopyReport, from source: StoreLocation, to destination: StoreLocation) -> String
    {
        // What was (or would be) copied, each part named only when there is some of it.
        let seriesCopied = report.series.filter { !$0.isCovered }.count
        var parts: [String] = []
        if report.ranges > 0 {
            parts.append(
                "\(counted(report.bars, "bar", grouped: true)) in \(counted(report.ranges, "range", grouped: true)) of "
                    + "\(counted(seriesCopied, "series", plural: "series", grouped: true))")
        }
        let others: [(Int, String, String?)] = [
            (report.ticks, "tick", nil), (report.priceUpdates, "PRICE update", nil),
            (report.accountUpdates, "account update", nil), (report.spans, "recorded span", nil),
            (report.gaps, "recorded gap", nil), (report.markets, "market detail", nil),
            (report.ledgerEntries, "ledger entry", "ledger entries"),
        ]
        for (count, noun, plural) in others where count > 0 {
            parts.append(counted(count, noun, plural: plural, grouped: true))
        }
        let what =
            parts.count < 2
            ? parts.first ?? "nothing" : parts.dropLast().joined(separator: ", ") + " and " + (parts.last ?? "")
        if report.dryRun {
            return "Would copy \(what) from \(source) into \(destination). Nothing was written (a dry run)."
        }
        if report.isEmpty {
            let streams =
                report.recordings.isEmpty
                ? "" : " and \(counted(report.recordings.count, "recorded stream", grouped: true))"
            return "Copied nothing: \(destination) already holds everything \(source) has of "
                + "\(counted(report.series.count, "series", plural: "series", grouped: true))\(streams) chosen."
        }
        return "Copied \(what) from \(source) into \(destination)."
    }

    /// `--format json`: the report with both stores named.
    struct CopyJSON: Encodable {
        var source: String
        var destination: String
        var report: StoreCopyReport

        private enum CodingKeys: String, CodingKey {
            case source, destination, dryRun, bars, ranges, ticks, priceUpdates, accountUpdates, spans, gaps, markets
            case ledgerEntries, series, recordings
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(source, forKey: .source)
            try container.encode(destination, forKey: .destination)
            try container.encode(report.dryRun, forKey: .dryRun)
            try container.encode(report.bars, forKey: .bars)
            try container.encode(report.ranges, forKey: .ranges)
            try container.encode(report.ticks, forKey: .ticks)
            try container.encode(report.priceUpdates, forKey: .priceUpdates)
            try container.encode(report.accountUpdates, forKey: .accountUpdates)
            try container.encode(report.spans, forKey: .spans)
            try container.encode(report.gaps, forKey: .gaps)
            try container.encode(report.markets, forKey: .markets)
            try container.encode(report.ledgerEntries, forKey: .ledgerEntries)
            try container.encode(report.series, forKey: .series)
            try container.encode(report.recordings, forKey: .recordings)
        }
    }
}
