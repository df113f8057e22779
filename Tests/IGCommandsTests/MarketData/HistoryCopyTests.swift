import Foundation
import GRDB
import IGCommands
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("ig history copy, in process against an embedded simulator")
struct HistoryCopyTests {
    /// Fills an SQLite store at `path` with `ig prices --store`: 60 EUR/USD MINUTE bars (and the point that asked IG
    /// what remains), 2 ledger entries, 1 market's details.
    static func fill(_ path: String) async throws {
        _ = try await IGCommand.output(of: [
            "prices", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-03-04T10:00:00", "--to",
            "2025-03-04T10:59:00", "--store", path,
        ])
    }

    @Test("dry run, copy, copy again, then ig prices on the copy spends 0 points and status shows the ledger")
    func endToEnd() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory + "/laptop.sqlite"
            let destination = directory + "/team/copy.sqlite"
            try await Self.fill(source)
            let before = try Data(contentsOf: URL(fileURLWithPath: source))

            let dry = await runIGCapturing(["history", "copy", "--from", source, "--to", destination, "--dry-run"])
            #expect(dry.exitStatus == 0, "\(String(describing: dry.error))")
            #expect(
                dry.output.contains(
                    "CS.D.EURUSD.TODAY.IP MINUTE (SIMULATOR): 60 bars in 1 range: "
                        + "[2025-03-04T10:00:00Z, 2025-03-04T11:00:00Z)"), "\(dry.output)")
            #expect(
                dry.output.contains(
                    "Would copy 60 bars in 1 range of 1 series, 1 market detail and 2 ledger entries from \(source) "
                        + "into \(destination). Nothing was written (a dry run)."), "\(dry.output)")
            #expect(dry.notes.contains("There is no store at \(destination) yet"), "\(dry.notes)")
            #expect(!FileManager.default.fileExists(atPath: directory + "/team"), "a dry run creates nothing")

            let copy = await runIGCapturing(["history", "copy", "--from", source, "--to", destination])
            #expect(copy.exitStatus == 0, "\(String(describing: copy.error))")
            #expect(
                copy.output
                    == "Copied 60 bars in 1 range of 1 series, 1 market detail and 2 ledger entries from \(source) "
                    + "into \(destination).\n", "\(copy.output)")
            #expect(copy.notes.contains("Creating a new store at \(destination)."), "\(copy.notes)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == before, "the source is never written")

            let again = try await IGCommand.output(of: ["history", "copy", "--from", source, "--to", destination])
            #expect(
                again.contains(
                    "Copied nothing: \(destination) already holds everything \(source) has of 1 series chosen."),
                "\(again)")

            let prices = try await IGCommand.output(of: [
                "prices", "CS.D.EURUSD.TODAY.IP", "-r", "MINUTE", "--from", "2025-03-04T10:00:00", "--to",
                "2025-03-04T10:59:00", "--store", destination,
            ])
            #expect(prices.contains("60 bars: 60 from the store, 0 from IG; 0 points spent."), "\(prices)")
            let status = try await IGCommand.output(of: ["history", "status", "--store", destination])
            #expect(status.contains("CS.D.EURUSD.TODAY.IP  EUR/USD  MINUTE"), "\(status)")
            #expect(status.contains("61 points spent in the last 7 days (2 requests)"), "\(status)")
        }
    }

    @Test("--store names the destination, IG_STORE-style; --format json gives the report; filters choose series")
    func jsonAndFilters() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory + "/source.sqlite"
            let destination = directory + "/destination.sqlite"
            try await Self.fill(source)
            _ = try await IGCommand.output(of: [
                "prices", "CS.D.GBPUSD.TODAY.IP", "-r", "HOUR", "--from", "2025-03-04T10:00:00", "--to",
                "2025-03-04T13:00:00", "--store", source,
            ])
            let json = await runIGCapturing([
                "history", "copy", "--from", source, "--store", destination, "cs.d.gbpusd.today.ip", "-r", "1h",
                "--environment", "sim", "--format", "json",
            ])
            #expect(json.exitStatus == 0, "\(String(describing: json.error))")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            #expect(object["bars"] as? Int == 4, "\(json.output)")
            #expect(object["dryRun"] as? Bool == false)
            #expect(object["markets"] as? Int == 1)
            #expect(object["ledgerEntries"] as? Int == 1)
            let series = try #require(object["series"] as? [[String: Any]])
            #expect(series.count == 1)
            #expect((series.first?["key"] as? [String: Any])?["epic"] as? String == "CS.D.GBPUSD.TODAY.IP")
            #expect(json.notes.contains("Copied 4 bars in 1 range of 1 series"), "\(json.notes)")
            let store = try await MarketDataStore.open(.sqlite(path: destination), readOnly: true)
            let keys = try await store.status().map(\.key.epic.rawValue)
            await store.close()
            #expect(keys == ["CS.D.GBPUSD.TODAY.IP"])

            let rest = try await IGCommand.output(of: ["history", "copy", "--from", source, "--store", destination])
            #expect(rest.contains("Copied 60 bars in 1 range of 1 series"), "\(rest)")
        }
    }

    @Test("bad input: no source (nothing created), the same store, a newer source, an unknown epic, no PostgreSQL")
    func badInput() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory + "/source.sqlite"
            let destination = directory + "/out/destination.sqlite"
            let missing = await runIGCapturing([
                "history", "copy", "--from", directory + "/typo/none.sqlite", "--to", destination,
            ])
            #expect(missing.exitStatus == 64)
            #expect(
                String(describing: missing.error).contains("There is no store at \(directory)/typo/none.sqlite"),
                "\(String(describing: missing.error))")
            #expect(!FileManager.default.fileExists(atPath: directory + "/typo"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))

            try await Self.fill(source)
            let same = await runIGCapturing([
                "history", "copy", "--from", source, "--to", directory + "/./source.sqlite",
            ])
            #expect(same.exitStatus == 64)
            #expect(String(describing: same.error).contains("are the same store"), "\(String(describing: same.error))")

            let both = await runIGCapturing([
                "history", "copy", "--from", source, "--to", destination, "--store", destination,
            ])
            #expect(both.exitStatus == 64)

            let unknown = await runIGCapturing([
                "history", "copy", "--from", source, "--to", destination, "IX.D.DAX.DAILY.IP",
            ])
            #expect(unknown.exitStatus == 64)
            #expect(
                String(describing: unknown.error).contains("holds no series or recording of IX.D.DAX.DAILY.IP"),
                "\(String(describing: unknown.error))")
            let resolution = await runIGCapturing([
                "history", "copy", "--from", source, "--to", destination, "CS.D.EURUSD.TODAY.IP", "-r", "DAY",
            ])
            #expect(resolution.exitStatus == 64)
            #expect(
                String(describing: resolution.error).contains("it holds MINUTE (SIMULATOR)"),
                "\(String(describing: resolution.error))")
            let environment = await runIGCapturing([
                "history", "copy", "--from", source, "--to", destination, "--environment", "DEMO",
            ])
            #expect(environment.exitStatus == 64)
            #expect(
                String(describing: environment.error).contains("holds nothing under DEMO; it holds SIMULATOR"),
                "\(String(describing: environment.error))")
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))

            let postgres = await runIGCapturing([
                "history", "copy", "--from", "postgres://ig@127.0.0.1:1/ig", "--to", destination,
            ])
            #expect(postgres.exitStatus == 69, "\(String(describing: postgres.error))")
            let intoPostgres = await runIGCapturing([
                "history", "copy", "--from", source, "--to", "postgres://ig@127.0.0.1:1/ig",
            ])
            #expect(intoPostgres.exitStatus == 69, "\(String(describing: intoPostgres.error))")
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))

            // A source written by a newer swift-ig is refused and left as it was.
            let raw = try DatabaseQueue(path: source)
            try await raw.write {
                try $0.execute(sql: "UPDATE store_meta SET value = '99' WHERE key = 'schema_version'")
            }
            try raw.close()
            let newer = await runIGCapturing(["history", "copy", "--from", source, "--to", destination])
            #expect(newer.exitStatus == 74)
            #expect(String(describing: newer.error).contains("newer swift-ig"), "\(String(describing: newer.error))")
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }
}

@Suite("ig history copy of recordings, in process")
struct HistoryCopyRecordingTests {
    @Test("recordings: a dry run, a copy (summary and JSON), a copy again and a copy back: nothing twice")
    func recordingsEndToEnd() async throws {
        try await withTemporaryDirectory { directory in
            let source = directory + "/laptop.sqlite"
            let destination = directory + "/team.sqlite"
            // What `ig record --ticks --prices` writes, through the store's recording API (a recorder's run depends on
            // how soon the stream answers; the store's copy tests record with the real recorder).
            let environment = "SIMULATOR"
            let epic = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
            let store = try await MarketDataStore.open(.sqlite(path: source))
            for (first, last) in [
                (Int64(1_741_082_400_000), Int64(1_741_082_460_000)), (1_741_082_520_000, 1_741_082_580_000),
            ] {
                let ticks = stride(from: first, through: last, by: 250).map {
                    RecordedTick(epic: epic, time: $0, bid: Decimal($0 % 1000) / 100_000 + 1, offer: 1.1)
                }
                let prices = stride(from: first, through: last, by: 1_000).map {
                    RecordedPrice(epic: epic, time: $0, bid: Decimal($0 % 7_000) / 100_000 + 1, ask: 1.1)
                }
                let spans = [RecordedStream.ticks, RecordedStream.prices].map {
                    RecordedSpan(
                        stream: RecordedStream(environment: environment, epic: epic, stream: $0), start: first,
                        end: last)
                }
                try await store.record(
                    RecordingBatch(environment: environment, ticks: ticks, spans: spans, prices: prices))
            }
            let recordings = try await store.recordings()
            let ticks = try await store.ticks(epic, environment: environment, from: .distantPast, to: .distantFuture)
            let prices = try await store.prices(epic, environment: environment, from: .distantPast, to: .distantFuture)
            await store.close()
            #expect(!ticks.isEmpty && !prices.isEmpty)
            #expect(recordings.map(\.stream.stream) == ["PRICE", "TICK"])

            let dry = await runIGCapturing(["history", "copy", "--from", source, "--to", destination, "--dry-run"])
            #expect(dry.exitStatus == 0, "\(String(describing: dry.error))")
            #expect(
                dry.output.contains(
                    "  CS.D.EURUSD.TODAY.IP TICK (\(environment)) recorded: \(ticks.count) ticks in 2 spans"),
                "\(dry.output)")
            // Only what there is of: no "0 bars in 0 ranges of 0 series" before the recordings.
            let what = "\(ticks.count) ticks, \(prices.count) PRICE updates and 4 recorded spans"
            #expect(dry.output.contains("Would copy \(what) from"), "\(dry.output)")
            #expect(!FileManager.default.fileExists(atPath: destination))

            let json = await runIGCapturing([
                "history", "copy", "--from", source, "--to", destination, "--format", "json", "--page-size", "3",
            ])
            #expect(json.exitStatus == 0, "\(String(describing: json.error))")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
            #expect(object["ticks"] as? Int == ticks.count, "\(json.output)")
            #expect(object["priceUpdates"] as? Int == prices.count)
            #expect(object["spans"] as? Int == 4 && object["gaps"] as? Int == 0)
            #expect((object["recordings"] as? [[String: Any]])?.count == 2)
            #expect(json.notes.contains("Copied \(what) from"), "\(json.notes)")

            let copied = try await MarketDataStore.open(.sqlite(path: destination), readOnly: true)
            #expect(try await copied.recordings() == recordings)
            #expect(
                try await copied.ticks(
                    "CS.D.EURUSD.TODAY.IP", environment: environment, from: .distantPast, to: .distantFuture) == ticks)
            await copied.close()

            let again = try await IGCommand.output(of: ["history", "copy", "--from", source, "--to", destination])
            #expect(
                again.contains(
                    "Copied nothing: \(destination) already holds everything \(source) has of 0 series and 2 "
                        + "recorded streams chosen."), "\(again)")
            let back = try await IGCommand.output(of: ["history", "copy", "--from", destination, "--to", source])
            #expect(back.contains("Copied nothing"), "\(back)")
            let filtered = await runIGCapturing([
                "history", "copy", "--from", source, "--to", directory + "/minutes.sqlite", "CS.D.EURUSD.TODAY.IP",
                "-r",
                "MINUTE",
            ])
            #expect(filtered.exitStatus == 64, "no series and no candle stream at MINUTE")
            #expect(
                String(describing: filtered.error).contains("it holds PRICE recorded (\(environment)), TICK recorded"),
                "\(String(describing: filtered.error))")
        }
    }
}
