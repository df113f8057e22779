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
                    let observedValues = Set(observed.filter { $0.time <= last })
                    #expect(Set(storedValues) == observedValues)
                    #expect(storedValues.count == observedValues.count, "an update stored twice")
                    #expect(storedValues.count >= 10)
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
}
