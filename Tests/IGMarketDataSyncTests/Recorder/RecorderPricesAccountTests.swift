import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization
import Testing

@Suite("Recorder: PRICE updates and the account's audit trail", .timeLimit(.minutes(2)))
struct RecorderPricesAccountTests {
    static let market: Epic = "CS.D.LTCUSD.TODAY.IP"  // Litecoin: deals at weekends too, a small margin

    /// What a second PRICE subscription saw, and the reference of the deal made.
    final class Seen: Sendable {
        let prices = Mutex<[IGPriceUpdate]>([])
        let reference = Mutex<DealReference?>(nil)
    }

    /// The values of a PRICE update (its time included) for comparisons.
    struct PriceValues: Hashable {
        var time: Int64
        var values: [Decimal?]
        var dealingFlag: String?

        init(_ price: RecordedPrice) {
            (time, values, dealingFlag) = (price.time, price.values, price.dealingFlag)
        }

        init?(_ update: IGPriceUpdate) {
            guard let date = update.timestamp else { return nil }
            time = RecordingTime.millis(date)
            values = [
                update.bid, update.ask, update.bidSize, update.askSize, update.high, update.low, update.midOpen,
                update.netChange,
            ]
            dealingFlag = update.dealingFlag
        }
    }

    @Test("PRICE updates stored value for value as a second subscription saw them; a deal shows up in the trail")
    func pricesAndTrail() async throws {
        try await withRecorderSimulator { simulator, url in
            try await withStore(.sqlite) { store in
                let options = RecorderOptions(epics: [Self.market], ticks: false, prices: true, account: true)
                let seen = Seen()
                try await withRecorder(simulator: simulator, url: url, store: store, options: options) { harness in
                    let prices = try await harness.streaming.prices([Self.market], buffering: .unbounded)
                    let watching = Task {
                        for try await event in prices {
                            if case .update(let update) = event { seen.prices.withLock { $0.append(update) } }
                        }
                    }
                    try await harness.wait {
                        harness.recorder.statistics.pricesWritten >= 10
                            && harness.recorder.statistics.accountUpdatesWritten >= 1
                    }
                    let confirmation = try await harness.client.dealing.open(
                        PositionOrder(epic: Self.market, direction: .buy, size: 1),
                        options: DealingOptions(validate: false))
                    #expect(confirmation.isAccepted)
                    seen.reference.withLock { $0 = confirmation.dealReference }
                    try await harness.wait {
                        try await harness.store.accountUpdates(environment: harness.environment).contains {
                            $0.update.contains(confirmation.dealReference.rawValue) && $0.item.hasPrefix("TRADE:")
                        }
                    }
                    try await harness.wait { harness.recorder.statistics.pricesWritten >= 30 }
                    watching.cancel()
                    _ = await watching.result
                } after: { harness in
                    let stored = try await harness.store.prices(
                        Self.market, environment: harness.environment, from: .distantPast, to: .distantFuture)
                    let observed = seen.prices.withLock { $0 }.compactMap(PriceValues.init)
                    let first = try #require(observed.first?.time)
                    // The observer was cancelled while updates still flowed: compare up to the last update both saw.
                    let last = try Swift.min(#require(stored.last?.time), #require(observed.last?.time))
                    // Between the observer's first update and that last one, both saw the same updates.
                    let storedValues = stored.map(PriceValues.init).filter { $0.time >= first && $0.time <= last }
                    let storedSet = Set(storedValues)
                    let observedValues = Set(observed.filter { $0.time <= last })
                    #expect(storedSet.isSubset(of: observedValues), "an update stored that the server never sent")
                    #expect(storedValues.count == storedSet.count, "an update stored twice")
                    #expect(storedValues.count >= 10)
                    // The recorder reads PRICE through a latest-value buffer: on a busy machine it may fall behind and
                    // the buffer conflate. An update it did not store must then lie inside a gap it recorded.
                    let gaps = try await harness.store.gaps(
                        environment: harness.environment, epic: Self.market, stream: RecordedStream.prices)
                    let missing = observedValues.subtracting(storedSet).map(\.time).sorted()
                    let unexplained = missing.filter { time in !gaps.contains { $0.start < time && time < $0.end } }
                    #expect(unexplained.isEmpty, "updates lost without a gap; gaps: \(gaps)")
                    #expect(stored.allSatisfy { $0.bid != nil && $0.ask != nil && $0.dealingFlag != nil })

                    // The trail: the ACCOUNT snapshot, then the deal's confirmation and position update, as IG sent
                    // them (TRADE fields hold IG's JSON text).
                    let trail = try await harness.store.accountUpdates(environment: harness.environment)
                    let dealReference = try #require(seen.reference.withLock { $0 })
                    let account = try #require(trail.first { $0.item.hasPrefix("ACCOUNT:") })
                    #expect(account.fields?["FUNDS"] != nil)
                    let confirms = trail.filter {
                        // A field the event sent as null is kept as null: the OPU event names CONFIRMS that way.
                        $0.item.hasPrefix("TRADE:") && ($0.fields?["CONFIRMS"] ?? nil) != nil
                            && $0.update.contains(dealReference.rawValue)
                    }
                    #expect(confirms.count == 1)
                    let json = try #require(confirms.first?.fields?["CONFIRMS"] ?? nil)
                    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
                    #expect(object?["dealReference"] as? String == dealReference.rawValue)
                    #expect(trail.contains { $0.item.hasPrefix("TRADE:") && ($0.fields?["OPU"] ?? nil) != nil })
                    #expect(harness.recorder.statistics.accountUpdatesWritten == trail.count)
                }
            }
        }
    }

    /// The recordings of the account's streams (`ACCOUNT`, `TRADE`), in that order.
    static func auditRecordings(_ store: MarketDataStore, _ environment: String) async throws -> [RecordingStatus] {
        try await store.recordings(environment: environment).filter {
            $0.stream.stream == RecordedStream.account || $0.stream.stream == RecordedStream.trade
        }
    }

    /// Whether both account streams have a gap of `reason` and a span extended past it (the heartbeat ran since).
    static func auditGapsClosed(_ store: MarketDataStore, _ environment: String, reason: String) async throws -> Bool {
        let recordings = try await auditRecordings(store, environment)
        guard recordings.count == 2 else { return false }
        for recording in recordings {
            let gaps = try await store.gaps(
                environment: environment, epic: recording.stream.epic, stream: recording.stream.stream)
            guard let gap = gaps.last(where: { $0.reason == reason }), recording.last > gap.end else { return false }
        }
        return true
    }

    @Test("ACCOUNT and TRADE: spans while subscribed, updates or not; a new session and a restart leave gaps")
    func auditTrailSpansAndGaps() async throws {
        try await withRecorderSimulator { simulator, url in
            try await withStore(.sqlite) { store in
                let options = RecorderOptions(epics: [Self.market], ticks: false, account: true)
                var environment = ""
                for run in 0..<2 {
                    environment = try await withRecorder(
                        simulator: simulator, url: url, store: store, options: options
                    ) { harness in
                        let environment = harness.environment
                        if run == 0 {
                            // Observed for over a second: TRADE sends nothing, ACCOUNT its snapshot alone.
                            try await harness.wait {
                                let recordings = try await Self.auditRecordings(harness.store, environment)
                                return recordings.count == 2 && recordings.allSatisfy { $0.last - $0.first >= 1000 }
                            }
                            let sessions = harness.streaming.statistics.sessionsEstablished
                            await simulator.injectStreamingFault(.end(code: 48))
                            try await harness.wait { harness.streaming.statistics.sessionsEstablished > sessions }
                            try await harness.wait {
                                try await Self.auditGapsClosed(harness.store, environment, reason: "session")
                            }
                        } else {
                            try await harness.wait {
                                try await Self.auditGapsClosed(harness.store, environment, reason: "restart")
                            }
                        }
                        return environment
                    }
                }
                let recordings = try await Self.auditRecordings(store, environment)
                #expect(recordings.map(\.stream.stream) == ["ACCOUNT", "TRADE"])
                for recording in recordings {
                    let gaps = try await store.gaps(
                        environment: environment, epic: recording.stream.epic, stream: recording.stream.stream)
                    let spans = try await store.spans(recording.stream)
                    #expect(gaps.map(\.reason) == ["session", "restart"], "\(recording.stream): \(gaps)")
                    #expect(spans.count == 3, "\(recording.stream): \(spans)")
                    #expect(spans.allSatisfy { $0.end > $0.start }, "every span extended: \(spans)")
                    for gap in gaps {
                        // Each gap runs from the end of one span to the start of the next, and no span covers it.
                        #expect(spans.contains { $0.end == gap.start }, "\(gap) \(spans)")
                        #expect(spans.contains { $0.start == gap.end }, "\(gap) \(spans)")
                        #expect(!spans.contains { $0.start < gap.end && $0.end > gap.start }, "\(gap) \(spans)")
                    }
                }
            }
        }
    }
}
