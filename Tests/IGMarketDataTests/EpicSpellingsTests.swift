import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@Suite("Epic spellings: one series per market whatever the letter case")
struct EpicSpellingsTests {
    static let capitals = Epic(rawValue: "CS.D.EURUSD.TODAY.IP")
    static let lower = Epic(rawValue: "cs.d.eurusd.today.ip")

    @Test("the first spelling filed is kept, per environment; series keys and market streams follow it")
    func firstSpellingKept() {
        var spellings = EpicSpellings()
        #expect(spellings.spelling(of: Self.lower, in: "DEMO") == nil)
        #expect(spellings.file(Self.lower, environment: "DEMO") == Self.lower)
        #expect(spellings.file(Self.capitals, environment: "DEMO") == Self.lower)
        #expect(spellings.spelling(of: Self.capitals, in: "DEMO") == Self.lower)
        #expect(spellings.spelling(of: Self.capitals, in: "LIVE") == nil)
        #expect(spellings.file(Self.capitals, environment: "LIVE") == Self.capitals)
        let key = SeriesKey(environment: "DEMO", epic: Self.capitals, resolution: .hour)
        #expect(spellings.file(key) == SeriesKey(environment: "DEMO", epic: Self.lower, resolution: .hour))
        let ticks = RecordedStream(environment: "DEMO", epic: Self.capitals, stream: "TICK")
        #expect(spellings.file(ticks).epic == Self.lower)
        // An account's stream is filed under its account id, whatever the spellings of epics.
        let account = RecordedStream(environment: "DEMO", epic: "ABC123", stream: RecordedStream.account)
        #expect(spellings.file(account) == account)
    }

    @Test("a store's spellings: its series first (the first created wins), then its recorded markets, not accounts")
    func fromStore() async throws {
        try await withTemporaryDirectory { directory in
            let store = try await MarketDataStore.open(.sqlite(path: directory + "/store.sqlite"))
            #expect(try await store.spelling(of: Self.lower, environment: "DEMO") == Self.lower)
            // A store written before epics were mapped may hold two spellings: the series created first wins.
            for epic in [Self.lower, Self.capitals] {
                try await store.commit(
                    FetchedBars(
                        key: SeriesKey(environment: "DEMO", epic: epic, resolution: .hour),
                        rows: [.flat(3600, "1.08")], covered: TimeRange(start: 3600, end: 7200)))
            }
            let ticks = RecordedStream(environment: "DEMO", epic: "cs.d.gbpusd.today.ip", stream: "TICK")
            let account = RecordedStream(environment: "DEMO", epic: "abc123", stream: RecordedStream.account)
            try await store.record(
                RecordingBatch(
                    environment: "DEMO",
                    spans: [
                        RecordedSpan(stream: ticks, start: 1000, end: 2000),
                        RecordedSpan(stream: account, start: 1000, end: 2000),
                    ]))
            #expect(try await store.spelling(of: Self.capitals, environment: "DEMO") == Self.lower)
            #expect(try await store.spelling(of: "CS.D.GBPUSD.TODAY.IP", environment: "DEMO") == ticks.epic)
            #expect(try await store.spelling(of: "ABC123", environment: "DEMO") == "ABC123")
            #expect(try await store.spelling(of: Self.capitals, environment: "LIVE") == Self.capitals)
            let all = try await EpicSpellings(of: store)
            #expect(all.spelling(of: Self.capitals, in: "DEMO") == Self.lower)
            #expect(all.spelling(of: Self.capitals, in: "LIVE") == nil)
            await store.close()
        }
    }
}
