import ArgumentParser
import Foundation
import IGMarketData
import IGModels
import IGTrading

/// `ig prices EPIC`: historical bars, as a table, JSON, CSV, a terminal chart or an SVG file.
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Historical price bars of a market (IG prices v3).",
        discussion: """
            Times are UTC, in and out. --from and --to take \(UTCDateParser.forms); --last takes a span before \
            --to (or now): 90s, 30m, 6h, 3d, 2w.

            Every bar costs one point of IG's weekly historical allowance (10,000 on LIVE). Before sending, the \
            command says on stderr how many points the request may cost; when that is more than remain, it \
            refuses with the numbers (exit status 75). --force sends anyway.
            """)

    @Argument(help: "The epic, e.g. CS.D.EURUSD.TODAY.IP (find one with `ig markets search`).") var epic: String
    @Option(
        name: .shortAndLong,
        help: "Bar size: an IG name (MINUTE, HOUR_4, DAY…) or an alias (1Min, 5Min, 1h, 4h, D, W, ME).")
    var resolution: String = "HOUR"
    // Unconditional: `--max -1` is a value to refuse with a reason, not an option name.
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number of most recent bars (when no --from or --last).",
            discussion: "With --to alone: the bars that start in the --max bar lengths up to --to (fewer where the "
                + "market was closed)."))
    var max: Int = 20
    @Option(help: "Range start, UTC: 2026-11-01, 2026-11-01T10:00 or 2026-11-01T10:00:30.") var from: UTCDateArgument?
    @Option(
        help: ArgumentHelp(
            "Range end, UTC, inclusive: a bar starting at --to is returned (default: now when --from or --last is "
                + "given)."))
    var to: UTCDateArgument?
    @Option(parsing: .unconditional, help: "A span before --to (or now), e.g. 3d or 6h, instead of --from.") var last:
        SpanArgument?
    @Flag(help: "Send even when the request may cost more historical points than remain.") var force = false
    @Flag(help: "Draw candlesticks in the terminal (sized to its width; colour on a terminal).") var chart = false
    @Option(help: "Also write an SVG chart (candles, volume, UTC time axis) to this file.") var svg: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions
    @Option(
        help: ArgumentHelp(
            "A market-data store to serve bars from and keep them in: an SQLite file or a postgres:// URL.",
            discussion: "Default: $IG_STORE, else none (every bar is asked of IG).", valueName: "path|url"))
    var store: String?
    @Flag(help: "Do not use a market-data store, even when IG_STORE is set.") var noStore = false
    @Flag(
        help: ArgumentHelp(
            "With a store: build the coarser bars that stored finer ones cover (0 points) and fetch only the rest "
                + "(exact in the simulator, not checked against IG's own bars)."))
    var deriveCoarser = false

    func validate() throws {
        try EpicText.validate(epic)
        do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        guard max > 0 else { throw ValidationError("--max must be at least 1.") }
        if from != nil, last != nil { throw ValidationError("Give --from or --last, not both.") }
        // Both ends are included, as in IG's ranges: --from equal to --to asks for the one bar that starts then.
        if let start = from?.value, let end = to?.value, start > end {
            throw ValidationError("--from must not be after --to.")
        }
        if let start = from?.value, start > Date() {
            throw ValidationError(
                "--from \(from?.description ?? "") is in the future: IG has no bars there yet. Give a range that starts "
                    + "before now (UTC).")
        }
    }

    /// The requested range in UTC: `(from, to)` when a range was given, else `nil` (the last `max` bars).
    func range(now: Date = Date()) -> (from: Date, to: Date)? {
        if let last {
            let end = to?.value ?? now
            return (end.addingTimeInterval(-last.seconds), end)
        }
        if let start = from?.value { return (start, to?.value ?? now) }
        if let end = to?.value {
            // Inclusive at both ends, like IG's ranges: `max - 1` bar lengths before the start of the bar holding
            // `--to` hold `max` bar starts, whether or not `--to` falls on a bar's start.
            let barStart = BarClock.start(containing: TimeRange.seconds(end), resolutionValue)
            let first = TimeRange(start: barStart, end: barStart).startDate
            return (first.addingTimeInterval(-Double(max - 1) * Double(resolutionValue.seconds)), end)
        }
        return nil
    }

    private var resolutionValue: Resolution { (try? Resolution(parsing: resolution)) ?? .hour }

    func run() async throws {
        let resolution = try Resolution(parsing: resolution)
        let range = range()
        // The SVG's file is opened before a point is spent: a path that cannot be written costs nothing.
        let svgFile = try svg.map { try ExportDestination(path: $0) }
        do {
            try await run(resolution: resolution, range: range, svgFile: svgFile)
        } catch {
            svgFile?.abandon()
            throw error
        }
    }

    private func run(
        resolution: Resolution, range: (from: Date, to: Date)?, svgFile: ExportDestination?
    ) async throws {
        let epic = Epic(rawValue: epic)
        if chart, output.format != .table {
            Console.note("--chart draws the bars instead of printing them: -f \(output.format.rawValue) is not used.")
        }
        if noStore, let store {
            // The location as the store describes it: a PostgreSQL URL's password is not repeated.
            let named = (try? StoreLocation(parsing: store)).map { " \($0)" } ?? ""
            Console.note("--no-store given: --store\(named) is not used; every bar is asked of IG.")
        }
        if !noStore, let location = try storeOptions.explicitLocation() {
            try await runWithStore(location, resolution: resolution, range: range, svgFile: svgFile)
            return
        }
        if deriveCoarser {
            Console.note(
                "--derive-coarser builds bars from a store's finer ones, and "
                    + (noStore ? "--no-store" : "no --store (or IG_STORE) was") + " given: every bar is asked of IG.")
        }
        let cost = PriceCost.points(resolution: resolution, range: range, max: max)
        try await connection.withClient { client in
            if !force {
                try await PriceCost.check(cost, epic: epic, resolution: resolution, client: client)
            }
            Console.note(
                "This request may cost up to \(cost) historical point\(cost == 1 ? "" : "s") (one per bar).")
            let prices = try await Self.fetch(
                client: client, epic: epic, resolution: resolution, range: range, max: max, cost: cost)
            if chart {
                drawChart(PriceTable(prices))
            } else {
                switch output.format {
                case .table:
                    try Tabular.bars(prices).print(as: .table)
                case .csv: try Tabular.barsDetailed(prices).print(as: .csv)
                // The table's JSON, as with a store and as `ig history show` prints it: one shape for scripts.
                case .json: try printJSON(PriceTable(prices))
                }
            }
            try writeSVG(PriceTable(prices), to: svgFile)
            if let allowance = prices.allowance {
                Console.note(
                    "\(counted(prices.bars.count, "bar")). Historical allowance: \(allowance.remainingAllowance) of "
                        + "\(allowance.totalAllowance) points left, resets in \(allowance.allowanceExpiry / 3600) h.")
            }
        }
    }

    /// `--store`, as `ig history` reads it (`IG_STORE` when not given).
    var storeOptions: StoreOptions {
        var options = StoreOptions()
        options.store = store
        return options
    }

    /// `--chart`: the table's candles in the terminal, sized to it.
    func drawChart(_ table: PriceTable) {
        let width = TerminalSize.columns() ?? 100
        Console.line(
            TerminalCandleChart(
                candles: ChartCandle.candles(of: table), width: width,
                height: Swift.max(10, Swift.min(30, (TerminalSize.rows() ?? 30) - 8)),
                colour: TerminalSize.isTerminal(), title: title
            ).render())
    }

    /// `--svg FILE`: the table's candles written as an SVG chart into `file` (opened from `--svg`); nothing without
    /// the option.
    func writeSVG(_ table: PriceTable, to file: ExportDestination?) throws {
        guard let svg, let file else { return }
        let document = SVGCandleChart(candles: ChartCandle.candles(of: table), title: title).render()
        try file.write(Array(document.utf8))
        try file.finish()
        if file.isFile { Console.note("Wrote \(svg).") }
    }

    /// The charts' title: the epic, the resolution as IG names it, and what the candles show.
    private var title: String {
        "\(epic)  \(resolutionValue.rawValue)  mid prices, UTC"
    }

    /// One request for small histories; pages (with a progress bar on a terminal) for large ones.
    static func fetch(
        client: IGClient, epic: Epic, resolution: Resolution, range: (from: Date, to: Date)?, max: Int, cost: Int
    ) async throws -> HistoricalPrices {
        guard cost > PriceCost.pageSize else {
            return try await client.prices.history(
                epic: epic, resolution: resolution, from: range?.from, to: range?.to, max: range == nil ? max : nil)
        }
        let progress = ProgressBar(label: "prices")
        defer { progress.finish() }
        var bars: [PriceBar] = []
        var instrumentType: InstrumentType?
        var allowance: PriceAllowance?
        var done = 0
        for try await page in client.prices.pages(
            epic: epic, resolution: resolution, from: range?.from, to: range?.to, max: range == nil ? max : nil,
            pageSize: PriceCost.pageSize)
        {
            bars += page.bars
            instrumentType = page.instrumentType ?? instrumentType
            allowance = page.allowance ?? allowance
            done += 1
            progress.update(done: done, total: page.pageData?.totalPages ?? done)
        }
        return HistoricalPrices(
            epic: epic, resolution: resolution, instrumentType: instrumentType, bars: bars, allowance: allowance)
    }
}
