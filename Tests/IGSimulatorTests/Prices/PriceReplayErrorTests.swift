import Foundation
import IGMarketData
import IGModels
import IGSimulatorTesting
import Testing

@testable import IGSimulator

@Suite("A replay from a source that cannot be replayed: the code says why, the hint what to do")
struct PriceReplayErrorTests {
    /// A store holding a MINUTE series, ticks and the market details of `StoreExercise.epic` in DEMO, opened.
    static func withStore(_ body: (MarketDataStore, String) async throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/recording.sqlite"
            try await StoreExercise.fill(.sqlite(path: path))
            let store = try await MarketDataStore.open(.sqlite(path: path))
            do {
                try await body(store, path)
            } catch {
                await store.close()
                throw error
            }
            await store.close()
        }
    }

    @Test func theFilledStoreReplays() async throws {
        try await Self.withStore { store, _ in
            let replay = try await PriceReplay.load(from: store)
            #expect(replay.epics == [StoreExercise.epic.rawValue])
        }
    }

    @Test func weekAndMonthBarsAreRefusedWithTheResolutionToRecordInstead() async throws {
        try await Self.withStore { store, _ in
            let error = await #expect(throws: PriceReplayError.self) {
                try await PriceReplay.load(from: store, resolution: .week)
            }
            #expect(error?.code == .unsupportedResolution)
            #expect(error?.message == "WEEK bars cannot be replayed")
            #expect(error?.hint == "record MINUTE (or finer, fixed-length) bars")
            #expect(error?.description == "WEEK bars cannot be replayed; record MINUTE (or finer, fixed-length) bars")
        }
        let bars = [
            ReplayBar(start: Date(timeIntervalSince1970: 0), open: 1, high: 1, low: 1, close: 1, spread: 0, volume: 1)
        ]
        let month = #expect(throws: PriceReplayError.self) {
            try PriceReplay(bars: [StoreExercise.epic.rawValue: bars], resolution: .month)
        }
        #expect(month?.code == .unsupportedResolution)
        #expect(month?.message == "MONTH bars cannot be replayed")
    }

    @Test func anEnvironmentWithoutBarsAndALiveSourceWithoutAKnownEpicAreEmpty() async throws {
        try await Self.withStore { store, _ in
            let error = await #expect(throws: PriceReplayError.self) {
                try await PriceReplay.load(from: store, environment: "LIVE")
            }
            #expect(error?.code == .empty)
            #expect(error?.hint == "fill the store first (ig prices EPIC --store PATH, or ig history sync)")
            #expect(error?.storeError == nil)
        }
        let live = #expect(throws: PriceReplayError.self) { try PriceReplay.live(epics: ["NOT.AN.EPIC"]) }
        #expect(live?.code == .empty)
        #expect(live == .empty)
    }

    @Test func aStoredValueAnotherToolChangedIsTheStoresErrorWithItsHint() async throws {
        try await Self.withStore { _, path in
            let tampered = path + ".tampered.sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: tampered)
            #expect(try StoreExercise.change(sqlitePath: tampered, "UPDATE bars SET bid_open = 'x' WHERE time = 120"))
            let store = try await MarketDataStore.open(.sqlite(path: tampered))
            let error = await #expect(throws: PriceReplayError.self) { try await PriceReplay.load(from: store) }
            await store.close()
            #expect(error?.code == .store)
            #expect(error?.storeError?.code == .unreadableValue)
            #expect(error?.hint == nil)
            let storeError = try #require(error?.storeError)
            #expect(error?.message == "the market-data store could not be read: \(storeError.description)")
            #expect(error?.description.contains("left untouched") == true, "\(String(describing: error))")
        }
    }

    @Test func anEpicRecordedWithAnotherScalingFactorIsRefusedAndNamed() async throws {
        try await Self.withStore { store, _ in
            try await store.save(
                StoredMarket(
                    epic: StoreExercise.epic.rawValue, name: "EUR/USD", instrumentType: "CURRENCIES", scalingFactor: 1,
                    details: Data("{}".utf8), updatedAt: Date(timeIntervalSince1970: 3_000)),
                environment: StoreExercise.environment)
            let error = await #expect(throws: PriceReplayError.self) { try await PriceReplay.load(from: store) }
            #expect(error?.code == .quoting)
            #expect(error?.epic == StoreExercise.epic.rawValue)
            #expect(
                error?.message
                    == "\(StoreExercise.epic.rawValue) was recorded with scalingFactor 1 but the simulator quotes it "
                    + "with 10000")
            #expect(error?.hint?.contains("record it again") == true)
        }
    }
}
