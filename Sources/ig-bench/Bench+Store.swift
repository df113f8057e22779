import ArgumentParser
import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGTrading

/// `ig-bench store`: the market-data store beside what a trading-ig user does, in one run.
///
/// - allowance: a 24-hour window of MINUTE bars slid by one hour 48 times (49 requests) over three weekdays; points
///   spent by swift-ig with a store and by trading-ig 0.0.25 with requests-cache, as the simulator counted them.
/// - ingest: bars per second written into SQLite (and PostgreSQL when a URL is given) beside pandas `to_sql`, and
///   SQLite's C API alone on the same bars (``SQLiteCeiling``), which bounds what any one-row-per-bar writer reaches.
/// - read: a year of MINUTE bars from the store into a `PriceTable`, beside `pandas.read_sql` of the same rows.
struct StoreBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Market-data store: allowance spent, ingest and read speed, beside Python.")

    @Option(help: "A Python with Interop/requirements-store.txt installed (e.g. Interop/.venv-store/bin/python).")
    var python: String?
    @Option(
        help: """
            A scratch PostgreSQL database for the ingest figure (default: $IG_TEST_POSTGRES_URL). The benchmark's bars \
            are written under environments named BENCH-… and removed when it ends (an interrupted run's, when the next \
            starts); use a scratch database, not a team's store.
            """) var postgres: String?
    @Option(help: "Bars written by the ingest measurement.") var bars = 1_000_000
    @Option(help: "Repetitions of each timed measurement (the best is reported).") var repeats = 3
    @Option(help: "Run only this part (allowance, ingest or read); all three by default.") var only: Part?

    /// The parts of the benchmark.
    enum Part: String, CaseIterable, ExpressibleByArgument {
        case allowance, ingest, read
    }

    func runs(_ part: Part) -> Bool { only == nil || only == part }

    func run() async throws {
        let directory = NSTemporaryDirectory() + "ig-bench-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let postgresURL = postgres ?? ProcessInfo.processInfo.environment["IG_TEST_POSTGRES_URL"]

        // The read comes before the ingest, and PostgreSQL last within it: PostgreSQL vacuums and analyses a
        // million new rows in the background for some seconds after a COPY, which slowed whatever ran next.
        if runs(.allowance) { try await measureAllowance(directory: directory) }
        if runs(.read) { try await measureRead(directory: directory) }
        if runs(.ingest) { try await measureIngest(directory: directory, postgresURL: postgresURL) }
    }

    func measureAllowance(directory: String) async throws {
        print("== allowance: 24 h of MINUTE bars slid by 1 h, 48 times (EUR/USD, 2025-03-04 to 2025-03-07)")
        let ours = try await allowanceSwiftIG(directory: directory)
        print("swift-ig with a store:        \(ours.points) points, \(ours.requests) price requests")
        if let python {
            let theirs = try await allowanceTradingIG(python: python, directory: directory)
            print(
                "trading-ig 0.0.25 + requests-cache: \(theirs.points) points, \(theirs.requests) price requests "
                    + "(\(theirs.cachedWindows) of 49 windows served from its cache)")
        }
    }

    func measureIngest(directory: String, postgresURL: String?) async throws {
        print("\n== ingest: \(bars) MINUTE bars (bid/ask OHLC, volume)")
        let rows = Self.syntheticRows(count: bars, start: 1_704_067_200)
        let (sqliteRate, sqliteCPURate) = try await ingestSQLite(rows, directory: directory)
        print(
            "swift-ig into SQLite:      \(Self.format(sqliteRate)) bars/s (best of \(repeats)); "
                + "\(Self.format(sqliteCPURate)) bars per CPU second of this process")
        var pandasRates: (flat: Double, tradingIG: Double)?
        if let python {
            let csv = directory + "/bars.csv"
            try Self.writeCSV(rows, to: csv)
            let best = try await bestPythonRate(python) { ["ingest", csv, directory + "/pandas-\($0).sqlite"] }
            print("pandas DataFrame.to_sql into SQLite: \(Self.format(best)) bars/s (best of \(repeats))")
            print(String(format: "swift-ig SQLite / pandas: %.1f×", sqliteRate / best))
            let bestShaped = try await bestPythonRate(python) {
                ["ingest-trading-ig", csv, directory + "/trading-ig-\($0).sqlite"]
            }
            print(
                "pandas DataFrame.to_sql of trading-ig's price frame into SQLite: \(Self.format(bestShaped)) bars/s "
                    + "(best of \(repeats))")
            print(String(format: "swift-ig SQLite / pandas (trading-ig's frame): %.1f×", sqliteRate / bestShaped))
            pandasRates = (best, bestShaped)
        }
        try measureSQLiteCeiling(rows, directory: directory, pandas: pandasRates)
        var postgresRate: Double?
        if let postgresURL {
            let rate = try await ingestPostgres(rows, url: postgresURL)
            postgresRate = rate
            print("swift-ig into PostgreSQL:  \(Self.format(rate)) bars/s (best of \(repeats), loopback, COPY)")
            // The first writer, for comparison: binary int8[] arrays through unnest.
            setenv("IG_STORE_POSTGRES_WRITER", "unnest", 1)
            defer { unsetenv("IG_STORE_POSTGRES_WRITER") }
            let unnestRate = try await ingestPostgres(rows, url: postgresURL)
            print("  (unnest of int8[] arrays: \(Self.format(unnestRate)) bars/s)")
        }
        if let python, let postgresURL, let postgresRate {
            let csv = directory + "/bars.csv"
            let bestPostgres = try await bestPythonRate(python) { _ in ["ingest-postgres", csv, postgresURL] }
            print(
                "pandas DataFrame.to_sql into PostgreSQL (SQLAlchemy, psycopg2): "
                    + "\(Self.format(bestPostgres)) bars/s (best of \(repeats))")
            print(String(format: "swift-ig PostgreSQL / pandas: %.1f×", postgresRate / bestPostgres))
        }
    }

    /// SQLite's C API alone on the same bars (``SQLiteCeiling``): about the most any writer with one row per bar
    /// reaches beside pandas. Not like-for-like with swift-ig's figure, which also waits for the checkpoint.
    func measureSQLiteCeiling(
        _ rows: [PriceTable.Row], directory: String, pandas: (flat: Double, tradingIG: Double)?
    ) throws {
        let ceiling = try SQLiteCeiling(rows)
        print("SQLite's C API alone (bars encoded before the clock, 64-row INSERTs, WAL, no checkpoint):")
        for table in SQLiteCeiling.Table.allCases {
            var best = 0.0
            for _ in 0..<repeats {
                best = max(best, try ceiling.rate(into: table, path: directory + "/ceiling.sqlite"))
            }
            let name = table == .store ? "the store's table (key series_id, time)" : "a keyless table, as pandas'"
            var line = "  into \(name): \(Self.format(best)) bars/s (best of \(repeats))"
            if let pandas {
                line += String(
                    format: ", %.1f× pandas (%.1f× trading-ig's frame)", best / pandas.flat, best / pandas.tradingIG)
            }
            print(line)
        }
    }

    func measureRead(directory: String) async throws {
        print("\n== read: a year of MINUTE bars into a PriceTable")
        let year = Self.syntheticRows(count: 374_400, start: 1_704_067_200)
        let (readSeconds, readCPUSeconds, count) = try await readSQLite(year, directory: directory)
        print(
            "swift-ig store → PriceTable: \(count) bars in \(String(format: "%.1f", readSeconds * 1000)) ms "
                + "(\(String(format: "%.1f", readCPUSeconds * 1000)) ms of CPU, all threads; "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores)")
        if let python {
            let csv = directory + "/year.csv"
            try Self.writeCSV(year, to: csv)
            let database = directory + "/pandas-year.sqlite"
            _ = try await runPython(python, ["ingest", csv, database])
            var best = Double.infinity
            for _ in 0..<repeats {
                let result = try await runPython(python, ["read", database])
                best = min(best, result.seconds)
            }
            print("pandas.read_sql: \(count) bars in \(String(format: "%.1f", best * 1000)) ms")
            print(String(format: "pandas / swift-ig: %.1f×", best / readSeconds))
        }
    }

    // MARK: Allowance

    static let windowStart = 1_741_046_400  // Tuesday 2025-03-04 00:00 UTC

    func allowanceSwiftIG(directory: String) async throws -> (points: Int, requests: Int) {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try IGClient(
            configuration: IGClient.Configuration(environment: .custom(url)),
            credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
        let store = try await MarketDataStore.open(.sqlite(path: directory + "/allowance.sqlite"))
        let cache = PriceCache(store: store, client: client)
        let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
        var rows = 0
        for step in 0..<49 {
            let from = Date(timeIntervalSince1970: TimeInterval(Self.windowStart + step * 3600))
            let result = try await cache.table(
                epic: epic, resolution: .minute, from: from, to: from.addingTimeInterval(24 * 3600 - 60))
            rows += result.table.rows.count
        }
        let statistics = await simulator.statistics()
        await store.close()
        try await client.shutdown()
        try await simulator.shutdown()
        guard rows == 49 * 1440 else { throw ValidationError("expected \(49 * 1440) rows served, got \(rows)") }
        return (statistics.pricePoints, statistics.priceRequests)
    }

    func allowanceTradingIG(
        python: String, directory: String
    ) async throws -> (
        points: Int, requests: Int, cachedWindows: Int
    ) {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let output = try await runPythonJSON(python, ["allowance", url.absoluteString, directory])
        let statistics = await simulator.statistics()
        try await simulator.shutdown()
        return (statistics.pricePoints, statistics.priceRequests, output["windows_served_from_cache"] as? Int ?? 0)
    }

    // MARK: Ingest and read

    /// The best rate in bars per second of wall time, and the best in bars per CPU second of this process.
    func ingestSQLite(_ rows: [PriceTable.Row], directory: String) async throws -> (Double, Double) {
        var best = 0.0
        var bestCPU = 0.0
        for attempt in 0..<repeats {
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/ingest-\(attempt).sqlite"))
            let (rate, cpuRate) = try await Self.ingest(rows, into: store)
            best = max(best, rate)
            bestCPU = max(bestCPU, cpuRate)
            await store.close()
        }
        return (best, bestCPU)
    }

    func ingestPostgres(_ rows: [PriceTable.Row], url: String) async throws -> Double {
        let location = try StoreLocation(parsing: url)
        try await Self.withStore(location) { try await Self.removeLeftovers(in: $0) }
        var best = 0.0
        var environments: [String] = []
        do {
            for attempt in 0..<repeats {
                let environment = "\(Self.environmentPrefix)\(UUID().uuidString)-\(attempt)"
                environments.append(environment)
                let rate = try await Self.withStore(location) {
                    try await Self.ingest(rows, into: $0, environment: environment).rate
                }
                best = max(best, rate)
            }
        } catch {
            // A failed attempt's bars, and those of the attempts before it, go too.
            try? await Self.withStore(location) { try await Self.forget(environments, in: $0) }
            throw error
        }
        // The benchmark's bars are removed once every attempt is measured, so each attempt writes beside the same
        // rows as before this cleanup existed.
        try await Self.withStore(location) { try await Self.forget(environments, in: $0) }
        return best
    }

    /// The start of the environments the PostgreSQL ingest writes under.
    static let environmentPrefix = "BENCH-"

    /// Opens the store at `location`, runs `body` and closes the store, whether `body` throws or not.
    static func withStore<T>(
        _ location: StoreLocation, _ body: (MarketDataStore) async throws -> T
    ) async throws -> T {
        let store = try await MarketDataStore.open(location)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }

    /// Removes the environments an earlier run left because it was killed before its cleanup: their bars would
    /// make every later attempt write beside a larger table.
    static func removeLeftovers(in store: MarketDataStore) async throws {
        let leftovers = Set(try await store.status().map(\.key.environment).filter { $0.hasPrefix(environmentPrefix) })
            .sorted()
        guard !leftovers.isEmpty else { return }
        try await forget(leftovers, in: store)
        FileHandle.standardError.write(
            Data("Removed \(leftovers.count) benchmark environment(s) an interrupted run left: \(leftovers)\n".utf8))
    }

    static func forget(_ environments: [String], in store: MarketDataStore) async throws {
        for environment in environments { try await store.forget(environment: environment) }
    }

    /// Bars per second of committing `rows` in batches of 100,000 (each batch one transaction with its coverage), in
    /// wall time and in CPU time of this process.
    static func ingest(
        _ rows: [PriceTable.Row], into store: MarketDataStore, environment: String = "BENCH"
    ) async throws
        -> (rate: Double, cpuRate: Double)
    {
        let key = SeriesKey(environment: environment, epic: Epic(rawValue: "CS.D.EURUSD.TODAY.IP"), resolution: .minute)
        // The batches are cut before the clock starts: a caller holds the bars it fetched, as pandas holds its frame.
        let batch = 100_000
        let batches = stride(from: 0, to: rows.count, by: batch).map { index in
            let slice = Array(rows[index..<min(rows.count, index + batch)])
            let first = TimeRange.seconds(slice[0].time)
            let last = TimeRange.seconds(slice[slice.count - 1].time) + 60
            return FetchedBars(key: key, rows: slice, covered: TimeRange(start: first, end: last))
        }
        let clock = ContinuousClock()
        let cpu = StreamingBench.cpuSeconds()
        let started = clock.now
        for fetched in batches {
            try await store.commit(fetched)
        }
        // The clock stops when the bars are in the database file, as pandas' are when `to_sql` returns.
        await store.settle()
        let elapsed = clock.now - started
        let cpuSeconds = StreamingBench.cpuSeconds() - cpu
        return (Double(rows.count) / elapsed.seconds, Double(rows.count) / cpuSeconds)
    }

    /// The best wall time, the best CPU time (all threads) and the bars read.
    func readSQLite(_ rows: [PriceTable.Row], directory: String) async throws -> (Double, Double, Int) {
        let store = try await MarketDataStore.open(.sqlite(path: directory + "/year.sqlite"))
        _ = try await Self.ingest(rows, into: store)
        let key = SeriesKey(environment: "BENCH", epic: Epic(rawValue: "CS.D.EURUSD.TODAY.IP"), resolution: .minute)
        var best = Double.infinity
        var bestCPU = Double.infinity
        var count = 0
        let clock = ContinuousClock()
        for _ in 0..<max(repeats, 3) {
            let cpu = StreamingBench.cpuSeconds()
            let started = clock.now
            let table = try await store.table(key, in: TimeRange(start: 0, end: Int64.max / 2))
            best = min(best, (clock.now - started).seconds)
            bestCPU = min(bestCPU, StreamingBench.cpuSeconds() - cpu)
            count = table.rows.count
        }
        await store.close()
        return (best, bestCPU, count)
    }

    // MARK: Data

    /// `count` MINUTE bars on weekdays from `start`, EUR/USD-like prices with 5 decimals, deterministic.
    static func syntheticRows(count: Int, start: Int64) -> [PriceTable.Row] {
        var rows: [PriceTable.Row] = []
        rows.reserveCapacity(count)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var level: Int64 = 108_000
        var time = start
        func decimal(_ points: Int64) -> Decimal {
            Decimal(sign: .plus, exponent: -5, significand: Decimal(points))
        }
        while rows.count < count {
            let weekday = ((time / 86_400) + 3) % 7
            if weekday >= 5 {
                time = (time / 86_400 + 1) * 86_400
                continue
            }
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let step = Int64((state >> 33) % 21) - 10
            let open = level
            let close = max(50_000, level + step)
            let high = max(open, close) + Int64((state >> 20) % 5)
            let low = min(open, close) - Int64((state >> 12) % 5)
            level = close
            let spread: Int64 = 6
            rows.append(
                PriceTable.Row(
                    time: Date(timeIntervalSince1970: TimeInterval(time)),
                    bid: .init(open: decimal(open), high: decimal(high), low: decimal(low), close: decimal(close)),
                    ask: .init(
                        open: decimal(open + spread), high: decimal(high + spread), low: decimal(low + spread),
                        close: decimal(close + spread)),
                    lastTraded: .init(open: nil, high: nil, low: nil, close: nil),
                    volume: Decimal(Int((state >> 40) % 500))))
            time += 60
        }
        return rows
    }

    static func writeCSV(_ rows: [PriceTable.Row], to path: String) throws {
        var text = "time,bid_open,bid_high,bid_low,bid_close,ask_open,ask_high,ask_low,ask_close,volume\n"
        text.reserveCapacity(rows.count * 90)
        for row in rows {
            let values = row.bid.values + row.ask.values + [row.volume]
            text += String(TimeRange.seconds(row.time))
            for value in values { text += "," + (value.map { "\($0)" } ?? "") }
            text += "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func format(_ rate: Double) -> String {
        let number = NumberFormatter()
        number.numberStyle = .decimal
        number.maximumFractionDigits = 0
        return number.string(from: NSNumber(value: rate.rounded())) ?? String(Int(rate))
    }

    // MARK: Python

    static var script: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Benchmarks/store_peers.py").path
    }

    /// The best rows per second of `repeats` runs of the peer, run `attempt` with `arguments(attempt)`.
    func bestPythonRate(_ python: String, _ arguments: (Int) -> [String]) async throws -> Double {
        var best = 0.0
        for attempt in 0..<repeats {
            let result = try await runPython(python, arguments(attempt))
            best = max(best, result.rows / result.seconds)
        }
        return best
    }

    func runPython(_ python: String, _ arguments: [String]) async throws -> (rows: Double, seconds: Double) {
        let json = try await runPythonJSON(python, arguments)
        let rows = (json["rows"] as? NSNumber)?.doubleValue ?? 0
        let seconds = (json["seconds"] as? NSNumber)?.doubleValue ?? .infinity
        return (rows, seconds)
    }

    func runPythonJSON(_ python: String, _ arguments: [String]) async throws -> [String: Any] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Self.script] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ig-bench-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        while process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(python) \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
        let line = String(decoding: try Data(contentsOf: output), as: UTF8.self).split(separator: "\n").last ?? ""
        return (try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
    }
}

extension Duration {
    /// Seconds as a `Double`.
    fileprivate var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}
