import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Testing

/// Copying the stream recorder's recordings between stores (`MarketDataStore.copy(from:…)`), each scenario run from
/// one engine into another (the SQLite and PostgreSQL suites call these).
enum RecordingCopyScenarios {
    static let gbpusd = Epic(rawValue: "CS.D.GBPUSD.TODAY.IP")

    /// Expects `destination` to hold every recording `source` holds, value for value: the same streams with the same
    /// spans and gaps, the same ticks, PRICE updates and account updates.
    static func expectSameRecordings(_ source: MarketDataStore, _ destination: MarketDataStore) async throws {
        let theirs = try await source.recordings()
        #expect(try await destination.recordings() == theirs)
        var environments: Set<String> = []
        for recording in theirs {
            let stream = recording.stream
            environments.insert(stream.environment)
            #expect(try await destination.spans(stream) == source.spans(stream), "\(stream)")
            let gaps = try await source.gaps(environment: stream.environment, epic: stream.epic, stream: stream.stream)
            #expect(
                try await destination.gaps(environment: stream.environment, epic: stream.epic, stream: stream.stream)
                    == gaps, "\(stream)")
            let ticks = try await source.ticks(
                stream.epic, environment: stream.environment, from: .distantPast, to: .distantFuture)
            let copied = try await destination.ticks(
                stream.epic, environment: stream.environment, from: .distantPast, to: .distantFuture)
            #expect(copied == ticks, "\(stream)")
            // The same digits, not only equal values.
            #expect(copied.map { "\($0)" } == ticks.map { "\($0)" })
            let prices = try await source.prices(
                stream.epic, environment: stream.environment, from: .distantPast, to: .distantFuture)
            let copiedPrices = try await destination.prices(
                stream.epic, environment: stream.environment, from: .distantPast, to: .distantFuture)
            #expect(copiedPrices == prices, "\(stream)")
            #expect(copiedPrices.map { "\($0)" } == prices.map { "\($0)" })
        }
        for environment in environments {
            #expect(
                try await destination.accountUpdates(environment: environment)
                    == source.accountUpdates(environment: environment))
        }
    }

    /// What the recorder writes, recorded for real: ticks, SECOND candles, PRICE updates and the account's trail (a
    /// deal in it), in two runs (so every stream has two spans and a `restart` gap). Copied page by page, value for
    /// value; a copy repeated, or back the other way, adds nothing.
    static func copiesRecordings(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withRecorderSimulator { simulator, url in
            try await withStore(sourceKind) { source in
                let options = RecorderOptions(
                    epics: [eurusd], ticks: true, candles: [.second], prices: true, account: true)
                try await withRecorder(simulator: simulator, url: url, store: source, options: options) { harness in
                    try await harness.wait {
                        let statistics = harness.recorder.statistics
                        return statistics.ticksWritten >= 10 && statistics.pricesWritten >= 5
                            && statistics.accountUpdatesWritten >= 1 && statistics.candlesWritten >= 1
                    }
                    let confirmation = try await harness.client.dealing.open(
                        PositionOrder(epic: eurusd, direction: .buy, size: 1), options: DealingOptions(validate: false))
                    #expect(confirmation.isAccepted)
                    try await harness.wait {
                        try await harness.store.accountUpdates(environment: harness.environment).contains {
                            $0.item.hasPrefix("TRADE:")
                        }
                    }
                }
                try await withRecorder(simulator: simulator, url: url, store: source, options: options) { harness in
                    try await harness.wait { harness.recorder.statistics.ticksWritten >= 5 }
                }
                let recordings = try await source.recordings()
                let environment = try #require(recordings.first?.stream.environment)
                let streams = Set(recordings.map(\.stream.stream))
                #expect(streams.isSuperset(of: ["TICK", "SECOND", "PRICE", "ACCOUNT", "TRADE"]), "\(streams)")
                #expect(recordings.allSatisfy { $0.spans >= 2 && $0.gaps >= 1 }, "\(recordings)")
                let ticks = try await source.ticks(
                    eurusd, environment: environment, from: .distantPast, to: .distantFuture)
                let prices = try await source.prices(
                    eurusd, environment: environment, from: .distantPast, to: .distantFuture)
                let trail = try await source.accountUpdates(environment: environment)

                try await withStore(destinationKind) { destination in
                    let plan = try await destination.copy(from: source, dryRun: true)
                    #expect(try await destination.recordings().isEmpty, "a dry run writes nothing")
                    let log = ProgressLog()
                    let report = try await destination.copy(from: source, pageSize: 7) { log.add($0) }
                    #expect(report.ticks == ticks.count && report.priceUpdates == prices.count)
                    #expect(report.accountUpdates == trail.count)
                    #expect(report.spans == recordings.reduce(0) { $0 + $1.spans })
                    #expect(report.gaps == recordings.reduce(0) { $0 + $1.gaps })
                    #expect(plan.recordings == report.recordings && plan.ticks == report.ticks)
                    #expect(log.entries.last?.rows == ticks.count + prices.count + trail.count)
                    #expect(log.entries.last?.rowsPlanned == log.entries.last?.rows)
                    try await expectSameRecordings(source, destination)
                    // The candles are bars, copied with their series; the candle stream's spans say so here too.
                    try await CopyScenarios.expectSameSeries(source, destination)
                    let candles = RecordedStream(environment: environment, epic: eurusd, stream: "SECOND")
                    let all = TimeRange(start: 0, end: 4_102_444_800)
                    #expect(
                        try await destination.recordingCoverage(candles, in: all)
                            == source.recordingCoverage(candles, in: all))

                    let again = try await destination.copy(from: source)
                    #expect(again.isEmpty && again.ticks == 0 && again.spans == 0 && again.gaps == 0, "\(again)")
                    let back = try await source.copy(from: destination, pageSize: 3)
                    #expect(back.isEmpty, "\(back)")
                    try await expectSameRecordings(source, destination)
                }
            }
        }
    }

    /// A bar starting at `second` (seconds since 1970).
    static func bar(at second: Int64) -> PriceTable.Row {
        let price = PriceTable.OHLC(
            open: Decimal(string: "1.0812"), high: Decimal(string: "1.0815"), low: Decimal(string: "1.0811"),
            close: Decimal(string: "1.0813"))
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(second)), bid: price, ask: price,
            lastTraded: PriceTable.OHLC(open: nil, high: nil, low: nil, close: nil), volume: 12)
    }

    /// A tick of EUR/USD at `time` (ms): its values follow from the time, as two recorders of one stream see them.
    static func tick(_ time: Int64, _ sequence: Int = 0, epic: Epic = eurusd) -> RecordedTick {
        RecordedTick(
            epic: epic, time: time, sequence: sequence, bid: Decimal(time) / 1000 + Decimal(string: "1.08123")!,
            offer: Decimal(time) / 1000 + Decimal(string: "1.08133")!, lastTradedVolume: Decimal(sequence))
    }

    /// Writes a recorder's batch of EUR/USD ticks, with a span from the first to the last and the given gaps.
    static func record(
        _ store: MarketDataStore, _ times: [Int64], span: (Int64, Int64)? = nil, gaps: [(Int64, Int64, String)] = [],
        environment: String = "DEMO", epic: Epic = eurusd
    ) async throws {
        let stream = RecordedStream(environment: environment, epic: epic, stream: RecordedStream.ticks)
        var ticks: [RecordedTick] = []
        for time in times { ticks.append(tick(time, ticks.filter { $0.time == time }.count, epic: epic)) }
        try await store.record(
            RecordingBatch(
                environment: environment, ticks: ticks,
                spans: span.map { [RecordedSpan(stream: stream, start: $0.0, end: $0.1)] } ?? [],
                gaps: gaps.map { RecordedGap(stream: stream, start: $0.0, end: $0.1, reason: $0.2) }))
    }

    /// Two stores recorded one stream at overlapping times, each with an outage the other saw through. Merged, spans
    /// are the union (each copied with the rows of what the other's spans lacked), a gap the spans of both cover is
    /// not copied, a gap they cover in part is, and the coverage reads no gap where either recorded without loss.
    static func mergesOverlapping(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        let stream = RecordedStream(environment: "DEMO", epic: eurusd, stream: RecordedStream.ticks)
        // A recorded 1–5 s, was down 5–9 s (a restart), then 9–12 s.
        // B recorded 2–10 s (seeing 7 s, which A missed), lost 10–11.5 s (a session), 11.5–11.8 s, then stopped.
        try await withStore(sourceKind) { a in
            try await record(a, [1000, 2000, 2000, 3000, 5000], span: (1000, 5000))
            try await record(
                a, [9000, 10_000, 11_500, 11_800, 12_000], span: (9000, 12_000), gaps: [(5000, 9000, "restart")])
            try await withStore(destinationKind) { b in
                try await record(b, [2000, 2000, 3000, 5000, 7000, 9000, 10_000], span: (2000, 10_000))
                try await record(b, [11_500, 11_800], span: (11_500, 11_800), gaps: [(10_000, 11_500, "session")])
                try await record(b, [], gaps: [(11_800, 15_000, "restart")])

                let ticksOfA = try await a.ticks(eurusd, environment: "DEMO", from: .distantPast, to: .distantFuture)
                let ticksOfB = try await b.ticks(eurusd, environment: "DEMO", from: .distantPast, to: .distantFuture)
                let union = Set(ticksOfA + ticksOfB)
                let report = try await b.copy(from: a, pageSize: 1)
                let recording = try #require(report.recordings.first)
                // A's spans both reach beyond B's: the 1 s tick and the 12 s tick are new here; A's restart gap lies
                // within B's span, so it is no gap here.
                #expect(report.recordings.count == 1)
                #expect(recording.rows == 2 && recording.spans == 2 && recording.gaps == 0, "\(recording)")
                let merged = try await b.ticks(eurusd, environment: "DEMO", from: .distantPast, to: .distantFuture)
                #expect(Set(merged) == union && merged.count == union.count)
                #expect(
                    merged.map(\.time) == [1000, 2000, 2000, 3000, 5000, 7000, 9000, 10_000, 11_500, 11_800, 12_000])
                #expect(
                    try await b.spans(stream).map { [$0.start, $0.end] } == [
                        [1000, 5000], [2000, 10_000], [9000, 12_000], [11_500, 11_800],
                    ])
                #expect(try await b.gaps(environment: "DEMO").map(\.reason) == ["session", "restart"])
                let seconds = TimeRange(start: 0, end: 60)
                let coverage = try await b.recordingCoverage(stream, in: seconds)
                // Recorded without loss from 1 s to 12 s (B's session gap lies within A's span); only B's last
                // outage, after A stopped too, is a gap.
                #expect(coverage.recorded.ranges == [TimeRange(start: 1, end: 12)])
                #expect(coverage.gaps.ranges == [TimeRange(start: 12, end: 15)])

                // Again: nothing. Back into A: B's 2–10 s span brings the 7 s tick (its others lie within A's spans);
                // B's session gap lies within A's span and stays out, its last gap reaches beyond every span and comes
                // along. Then nothing either way.
                #expect(try await b.copy(from: a).isEmpty)
                let back = try await a.copy(from: b, pageSize: 2)
                #expect(back.recordings.map(\.rows) == [1] && back.spans == 1 && back.gaps == 1, "\(back)")
                #expect(
                    try await a.ticks(eurusd, environment: "DEMO", from: .distantPast, to: .distantFuture) == merged)
                #expect(try await a.gaps(environment: "DEMO").map(\.reason) == ["restart", "restart"])
                #expect(try await a.recordingCoverage(stream, in: seconds) == coverage)
                #expect(try await a.copy(from: b).isEmpty)
                #expect(try await b.copy(from: a).isEmpty)
            }
        }
    }

    /// Filters reach the recordings: epics (an account's streams by account id), resolutions (a candle stream with
    /// its bars; ticks, PRICE and account updates left out) and environments. A dry run writes nothing.
    static func filtersRecordings(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withStore(sourceKind) { source in
            try await record(source, [1000, 2000], span: (1000, 2000))
            try await record(source, [1000, 3000], span: (1000, 3000), epic: gbpusd)
            try await record(source, [5000], span: (5000, 5000), environment: "LIVE")
            let account = RecordedStream(environment: "DEMO", epic: "ZSB01", stream: RecordedStream.trade)
            let candles = RecordedStream(environment: "DEMO", epic: eurusd, stream: "1MINUTE")
            let minute = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
            try await source.record(
                RecordingBatch(
                    environment: "DEMO",
                    candles: [
                        FetchedBars(
                            key: minute, rows: [bar(at: 60)], covered: TimeRange(start: 60, end: 120))
                    ],
                    spans: [
                        RecordedSpan(stream: account, start: 500, end: 4000),
                        RecordedSpan(stream: candles, start: 60_000, end: 119_999),
                    ],
                    accountUpdates: [RecordedAccountUpdate(item: "TRADE:ZSB01", time: 900, update: #"{"OPU":"{}"}"#)]))
            try await withStore(destinationKind) { destination in
                let plan = try await destination.copy(from: source, dryRun: true)
                #expect(plan.recordings.count == 5 && plan.ticks == 5 && plan.accountUpdates == 1, "\(plan)")
                #expect(try await destination.recordings().isEmpty)
                #expect(try await destination.status().isEmpty)

                let eur = try await destination.copy(from: source, environment: "DEMO", epics: ["cs.d.eurusd.today.ip"])
                #expect(eur.recordings.map(\.stream.stream).sorted() == ["1MINUTE", "TICK"], "\(eur)")
                #expect(eur.ticks == 2 && eur.accountUpdates == 0 && eur.bars == 1)

                let trail = try await destination.copy(from: source, epics: ["zsb01"])
                #expect(trail.recordings.map(\.stream) == [account] && trail.accountUpdates == 1, "\(trail)")
                #expect(try await destination.accountUpdates(environment: "DEMO").map(\.item) == ["TRADE:ZSB01"])

                let byResolution = try await destination.copy(from: source, resolutions: [.minute])
                #expect(byResolution.recordings.map(\.stream) == [candles] && byResolution.recordings[0].isCovered)

                let rest = try await destination.copy(from: source)
                #expect(rest.ticks == 3 && rest.recordings.filter { !$0.isCovered }.count == 2, "\(rest)")
                try await expectSameRecordings(source, destination)
            }
        }
    }

    /// A copied series keeps the time the source last updated it (the later one when the destination had it too);
    /// an epic the destination holds in another letter case keeps the destination's spelling, for bars, recordings
    /// and market details.
    static func updatedAtAndLetterCase(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withStore(sourceKind) { source in
            let hour = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .hour)
            let minute = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
            let monday = utc("2025-03-03T00:00:00")
            try await source.commit(
                FetchedBars(
                    key: hour, rows: [bar(at: 1_740_960_000)],
                    covered: TimeRange(start: 1_740_960_000, end: 1_740_963_600)), now: monday)
            try await source.commit(
                FetchedBars(
                    key: minute, rows: [bar(at: 1_740_960_000)],
                    covered: TimeRange(start: 1_740_960_000, end: 1_740_960_060)), now: monday)
            try await record(source, [1000, 2000], span: (1000, 2000))
            try await source.save(
                StoredMarket(
                    epic: eurusd.rawValue, name: "EUR/USD", instrumentType: "CURRENCIES", scalingFactor: 10_000,
                    details: Data("{}".utf8), updatedAt: monday),
                environment: "DEMO")
            try await withStore(destinationKind) { destination in
                // The destination knows the market in small letters, with its MINUTE series updated later.
                let lower = Epic(rawValue: "cs.d.eurusd.today.ip")
                let tuesday = utc("2025-03-04T00:00:00")
                try await destination.commit(
                    FetchedBars(
                        key: SeriesKey(environment: "DEMO", epic: lower, resolution: .minute),
                        rows: [bar(at: 1_740_960_060)],
                        covered: TimeRange(start: 1_740_960_060, end: 1_740_960_120)), now: tuesday)
                let report = try await destination.copy(from: source)
                #expect(report.series.allSatisfy { $0.filedAs.epic == lower }, "\(report.series)")
                #expect(report.recordings.map(\.filedAs.epic) == [lower])
                let held = try await destination.status()
                #expect(held.map(\.key.epic) == [lower, lower], "\(held.map(\.key))")
                #expect(held.first { $0.key.resolution == .hour }?.updatedAt == monday)
                #expect(held.first { $0.key.resolution == .minute }?.updatedAt == tuesday)
                #expect(held.first { $0.key.resolution == .minute }?.bars == 2)
                #expect(try await destination.recordings().map(\.stream.epic) == [lower])
                #expect(
                    try await destination.ticks(lower, environment: "DEMO", from: .distantPast, to: .distantFuture)
                        .count == 2)
                #expect(try await destination.market(epic: lower.rawValue, environment: "DEMO")?.name == "EUR/USD")
                #expect(try await destination.market(epic: eurusd.rawValue, environment: "DEMO") == nil)
                #expect(try await destination.copy(from: source).isEmpty)
            }
        }
    }

    /// Two copies at once into one destination (two connections to it) add each ledger entry once.
    static func concurrentLedger(from sourceKind: StoreKind, to destinationKind: StoreKind) async throws {
        try await withStore(sourceKind) { source in
            let key = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
            for index in 0..<40 {
                let start = Int64(1_740_960_000 + index * 60)
                try await source.commit(
                    FetchedBars(
                        key: key, rows: [bar(at: start)], covered: TimeRange(start: start, end: start + 60),
                        ledger: LedgerEntry(
                            at: Date(timeIntervalSince1970: 1_740_970_000), account: "ZSB01", epic: eurusd.rawValue,
                            resolution: "MINUTE", range: TimeRange(start: start, end: start + 60), points: 1,
                            remaining: 9_999 - index, total: 10_000, resetsAt: nil)))
            }
            try await withStore(destinationKind) { destination in
                let other = try await MarketDataStore.open(destination.location)
                async let first = destination.copy(from: source)
                async let second = other.copy(from: source)
                let (one, two) = try await (first, second)
                await other.close()
                #expect(one.ledgerEntries + two.ledgerEntries == 40)
                #expect(try await destination.ledger(environment: "DEMO", since: .distantPast).count == 40)
                #expect(try await destination.status().first?.bars == 40)
            }
        }
    }
}
