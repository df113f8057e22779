import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@testable import IGCommands

@Suite("ig history show prints a page at a time what it printed whole")
struct HistoryShowTests {
    static let key = SeriesKey(environment: "SIMULATOR", epic: "CS.D.EURUSD.TODAY.IP", resolution: .minute)
    static let start: Int64 = 1_741_046_400

    /// `count` minute bars from `start`, bid `base + index` hundred-thousandths, ask 0.00012 above, a volume on
    /// every other bar and last-traded prices on every third.
    static func rows(_ count: Int, base: Int = 108_000) -> [PriceTable.Row] {
        (0..<count).map { index in
            let bid = Decimal(sign: .plus, exponent: -5, significand: Decimal(base + index))
            let ask = bid + Decimal(string: "0.00012")!
            let last: Decimal? = index % 3 == 0 ? bid : nil
            return PriceTable.Row(
                time: Date(timeIntervalSince1970: TimeInterval(start + Int64(index) * 60)),
                bid: .init(open: bid, high: bid, low: bid, close: bid),
                ask: .init(open: ask, high: ask, low: ask, close: ask),
                lastTraded: .init(open: last, high: last, low: last, close: last),
                volume: index % 2 == 0 ? Decimal(index) : nil)
        }
    }

    static func withStore(_ rows: [PriceTable.Row], _ body: (MarketDataStore) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/store.sqlite"))
            if !rows.isEmpty {
                try await store.commit(
                    FetchedBars(
                        key: key, rows: rows,
                        covered: TimeRange(start: start, end: start + Int64(rows.count) * 60)))
            }
            do {
                try await body(store)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    @Test(
        "table, CSV and JSON in pages of 10 equal the whole table's output, for 25 bars, 20 bars and none",
        arguments: [25, 20, 0])
    func pagedEqualsWhole(count: Int) async throws {
        try await Self.withStore(Self.rows(count)) { store in
            let range = TimeRange(start: Int64.min / 2, end: Int64.max / 2)
            let whole = try await store.table(Self.key, in: range)
            #expect(whole.rows.count == count)
            for format in OutputFormat.allCases {
                var shown = -1
                let paged = try await Console.capture {
                    shown = try await HistoryShowCommand.show(
                        Self.key, in: range, from: store, as: format, pageSize: 10)
                }
                let expected = try await Console.capture {
                    switch format {
                    case .table: try Tabular.bars(whole).print(as: .table)
                    case .csv: try Tabular.barsDetailed(whole).print(as: .csv)
                    case .json: try printJSON(whole)
                    }
                }
                #expect(shown == count)
                #expect(paged == expected, "\(format)")
            }
            let json = try await Console.capture {
                _ = try await HistoryShowCommand.show(Self.key, in: range, from: store, as: .json, pageSize: 7)
            }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            #expect(try decoder.decode(PriceTable.self, from: Data(json.utf8)) == whole)
        }
    }

    @Test("a column widens where a later page needs more room, each page aligned, and no value is cut")
    func widening() async throws {
        // Mid opens of 9.9999 to 9.99999 on the first page of 10, of 10 to 10.00009 on the second.
        let rows = Self.rows(20, base: 999_984)
        try await Self.withStore(rows) { store in
            let range = TimeRange(start: Int64.min / 2, end: Int64.max / 2)
            let output = try await Console.capture {
                _ = try await HistoryShowCommand.show(Self.key, in: range, from: store, as: .table, pageSize: 10)
            }
            let lines = output.split(separator: "\n").map(String.init)
            try #require(lines.count == 2 + 20)
            // Each price written to the five decimals of the column's most precise one: 10 (the second page's first
            // mid) as 10.00000, lined up on the point with 10.00001.
            func shown(_ value: Decimal) -> String {
                let text = "\(value)"
                let digits = TextTable.fractionDigits(text) ?? 0
                return text + (digits == 0 ? "." : "") + String(repeating: "0", count: 5 - digits)
            }
            #expect(rows[10].mid.open == 10)
            #expect(lines[2 + 10].contains(" 10.00000 "), "\(lines[2 + 10])")
            // Where each row's OPEN cell ends: the same within a page, one character further on the second.
            let ends = zip(lines.dropFirst(2), rows).map { line, row in
                line.range(of: " \(shown(row.mid.open!)) ").map {
                    line.distance(from: line.startIndex, to: $0.upperBound)
                }
            }
            #expect(ends.allSatisfy { $0 != nil }, "every OPEN value is printed whole")
            #expect(Set(ends.prefix(10)).count == 1)
            #expect(Set(ends.suffix(10)).count == 1)
            #expect((ends[10] ?? 0) == (ends[0] ?? 0) + 1)
        }
    }

    @Test("a row written by hand is the row JSONEncoder writes: values of every form, absent ones, odd times")
    func handWrittenRows() throws {
        var state: UInt64 = 5
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (state >> 33) % bound
        }
        func value() -> Decimal? {
            guard next(5) != 0 else { return nil }
            let sign: FloatingPointSign = next(4) == 0 ? .minus : .plus
            let exponent = Int(next(16)) - 12
            return Decimal(sign: sign, exponent: exponent, significand: Decimal(next(10_000_000_000)))
        }
        func ohlc() -> PriceTable.OHLC { .init(open: value(), high: value(), low: value(), close: value()) }
        let times: [TimeInterval] = [0, 1_741_046_400, 253_402_300_799, -60, 1_741_046_400.5, 253_402_300_800]
        var handWritten = 0
        for index in 0..<2_000 {
            let row = PriceTable.Row(
                time: Date(timeIntervalSince1970: times[index % times.count]), bid: ohlc(), ask: ohlc(),
                lastTraded: ohlc(), volume: value())
            let object = String(decoding: try JSONEncoder.pretty.encode(row), as: UTF8.self)
            let expected = object.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            if let written = PagedTableJSON.element(row) {
                handWritten += 1
                #expect(written == expected)
            }
        }
        #expect(handWritten == 2_000 / times.count * 3 + 2, "times from 1970 to 9999 on whole seconds")
    }

    @Test("a series the store lacks is refused (64) with what it holds of the epic; none in the range is a note")
    func emptyResultExplained() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            try await store.commit(
                FetchedBars(
                    key: Self.key, rows: Self.rows(30), covered: TimeRange(start: Self.start, end: Self.start + 1_800)))
            await store.close()
            /// What a refused `show` says (its exit status must be 64, and nothing printed on standard output).
            func refusal(_ arguments: [String]) async -> String {
                let run = await runIGCapturing(arguments + ["--store", path])
                #expect(run.exitStatus == 64, "\(arguments)")
                #expect(run.output.isEmpty, "\(run.output)")
                return String(describing: run.error)
            }
            let epic = Self.key.epic.rawValue
            let otherResolution = await refusal(["history", "show", epic, "-r", "HOUR"])
            #expect(
                otherResolution.contains(
                    "Nothing to show: The store holds \(epic) MINUTE under SIMULATOR (30 bars). Give -r MINUTE."),
                "\(otherResolution)")
            let lowercase = await refusal(["history", "show", epic.lowercased()])
            #expect(lowercase.contains("Give the epic as \(epic)."), "\(lowercase)")
            let otherEnvironment = await refusal(["history", "show", epic, "--environment", "DEMO"])
            #expect(otherEnvironment.contains("Give --environment SIMULATOR."), "\(otherEnvironment)")
            let unknown = await refusal(["history", "show", "CS.D.NOSUCH.IP", "-f", "json"])
            #expect(unknown.contains("The store holds no bars of CS.D.NOSUCH.IP at all."), "\(unknown)")
            #expect(unknown.contains("ig history sync CS.D.NOSUCH.IP -r MINUTE --from DATE"), "\(unknown)")

            // A series the store holds, with no bars in the range asked for: an empty answer and a note.
            let outside = await runIGCapturing(["history", "show", epic, "--from", "2026-01-01", "--store", path])
            #expect(outside.exitStatus == 0, "\(String(describing: outside.error))")
            #expect(outside.output.contains("0 stored bars of \(epic) MINUTE (SIMULATOR)."), "\(outside.output)")
            #expect(
                outside.notes.contains(
                    "The store holds 30 bars of \(epic) MINUTE (SIMULATOR), covering 2025-03-04T00:00:00Z"))
            #expect(outside.notes.contains("none in the range asked for."))
            let found = await runIGCapturing(["history", "show", epic, "--store", path])
            #expect(found.exitStatus == 0 && !found.notes.contains("The store holds"), "bars found need no explanation")
        }
    }

    @Test("without --environment, show and export read the one environment that holds the series, and say so")
    func environmentInferred() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/store.sqlite"
            let store = try await MarketDataStore.open(.sqlite(path: path))
            let url = SeriesKey(environment: "http://127.0.0.1:8931", epic: Self.key.epic, resolution: .minute)
            let covered = TimeRange(start: Self.start, end: Self.start + 1_800)
            try await store.commit(FetchedBars(key: url, rows: Self.rows(30), covered: covered))
            await store.close()
            let epic = Self.key.epic.rawValue

            let shown = await runIGCapturing(["history", "show", epic, "--store", path])
            #expect(shown.error == nil)
            #expect(
                shown.notes.contains(
                    "Reading \(epic) MINUTE stored under http://127.0.0.1:8931, the one environment that holds it"),
                "\(shown.notes)")
            #expect(
                shown.output.contains("30 stored bars of \(epic) MINUTE (http://127.0.0.1:8931)."), "\(shown.output)")
            let exported = await runIGCapturing(["history", "export", epic, "-f", "ndjson", "--store", path])
            #expect(exported.output.split(separator: "\n").count == 30, "\(exported.output)")

            // Given, --environment is taken as it is; the store then says where the series is.
            let asked = await runIGCapturing(["history", "show", epic, "--environment", "DEMO", "--store", path])
            #expect(asked.exitStatus == 64 && !asked.notes.contains("Reading"), "\(asked.notes)")
            #expect(
                String(describing: asked.error).contains("Give --environment http://127.0.0.1:8931."),
                "\(String(describing: asked.error))")

            // Two environments hold it and SIMULATOR none: nothing is guessed.
            let reopened = try await MarketDataStore.open(.sqlite(path: path))
            let demo = SeriesKey(environment: "DEMO", epic: Self.key.epic, resolution: .minute)
            try await reopened.commit(FetchedBars(key: demo, rows: Self.rows(10), covered: covered))
            await reopened.close()
            let ambiguous = await runIGCapturing(["history", "show", epic, "--store", path])
            #expect(ambiguous.exitStatus == 64 && !ambiguous.notes.contains("Reading"), "\(ambiguous.notes)")
            let refusal = String(describing: ambiguous.error)
            #expect(refusal.contains("Nothing to show") && refusal.contains("--environment"), "\(refusal)")
        }
    }
}
