import ArgumentParser
import Foundation
import IGMarketData
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@testable import IGCommands

@Suite("ig simulator --prices store: the store to replay, found or explained")
struct StoreReplayOptionsTests {
    /// The venue options of `ig simulator` with `arguments`.
    static func venue(_ arguments: [String]) throws -> VenueSimulatorOptions {
        let command = try IGCommand.parseAsRoot(["simulator"] + arguments)
        return try #require(command as? SimulatorCommand).options.venue
    }

    /// `count` HOUR (or `resolution`) bars of EUR/USD from Monday 2025-03-03 00:00 UTC under `environment`.
    static func fill(_ path: String, resolution: Resolution, environment: String, count: Int = 24) async throws {
        let start: Int64 = 1_740_960_000
        let step = Int64(resolution == .minute ? 60 : 3600)
        let rows = (0..<count).map { index in
            let open = Self.bid(index)
            let close = Self.bid(index + 1)
            let spread = Decimal(string: "0.00006")!
            return PriceTable.Row(
                time: Date(timeIntervalSince1970: TimeInterval(start + Int64(index) * step)),
                bid: .init(open: open, high: max(open, close), low: min(open, close), close: close),
                ask: .init(
                    open: open + spread, high: max(open, close) + spread, low: min(open, close) + spread,
                    close: close + spread),
                lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 10)
        }
        let store = try await MarketDataStore.open(.sqlite(path: path))
        try await store.commit(
            FetchedBars(
                key: SeriesKey(
                    environment: environment, epic: Epic(rawValue: "CS.D.EURUSD.MINI.IP"), resolution: resolution),
                rows: rows, covered: TimeRange(start: start, end: start + Int64(count) * step)))
        await store.close()
    }

    /// The stored bid at the start of bar `index`.
    static func bid(_ index: Int) -> Decimal { Decimal(string: "1.08")! + Decimal(index * 7 % 23) / 10_000 }

    @Test("--store-resolution HOUR replays the HOUR bars: at 12:00 IG's HOUR prices are the twelve stored bars closed")
    func hourReplay() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/hours.sqlite"
            try await Self.fill(path, resolution: .hour, environment: "DEMO")
            let options = try Self.venue([
                "--prices", "store", "--store", path, "--store-resolution", "1h", "--clock", "2025-03-03T12:00:00Z",
                "--stepped",
            ])
            var configuration = try await options.apply(to: .testing)
            #expect(configuration.replay?.resolution == .hour)
            configuration.port = 0
            try await IGSimulator.withRunning(configuration: configuration) { _, url in
                try await IGClient.withClient(simulatorAt: url) { client in
                    let table = try await client.prices.table(
                        epic: "CS.D.EURUSD.MINI.IP", resolution: .hour,
                        from: Date(timeIntervalSince1970: 1_740_960_000),
                        to: Date(timeIntervalSince1970: 1_740_960_000 + 23 * 3600))
                    #expect(table.rows.map(\.bid.close) == (1...12).map { Self.bid($0) })
                    #expect(table.rows.first?.time == Date(timeIntervalSince1970: 1_740_960_000))
                }
            }
        }
    }

    @Test("a store of HOUR bars only: the error names what it holds, how to get MINUTE bars, and --store-resolution")
    func onlyHourBars() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/hours.sqlite"
            try await Self.fill(path, resolution: .hour, environment: "DEMO")
            let options = try Self.venue(["--prices", "store", "--store", path, "--clock", "2025-03-03T08:00:00Z"])
            do {
                _ = try await options.apply(to: .testing)
                Issue.record("a store without MINUTE bars was replayed")
            } catch {
                #expect(
                    "\(error)".contains("The store holds HOUR bars but no MINUTE bars or ticks to replay."),
                    "\(error)")
                #expect("\(error)".contains("ig history sync EPIC -r MINUTE --from DATE"), "\(error)")
                #expect("\(error)".hasSuffix("Or replay the HOUR bars with --store-resolution HOUR."), "\(error)")
            }
        }
    }

    @Test("--store-environment takes demo in lower case; a missing store file is refused and not created")
    func environmentAndMissingFile() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory + "/minutes.sqlite"
            try await Self.fill(path, resolution: .minute, environment: "DEMO", count: 30)
            let clock = ["--clock", "2025-03-03T00:00:00Z", "--stepped"]
            let options = try Self.venue(["--prices", "store", "--store", path, "--store-environment", "demo"] + clock)
            let configuration = try await options.apply(to: .testing)
            #expect(configuration.replay?.epics == ["CS.D.EURUSD.MINI.IP"])

            let missing = directory + "/nothing/here.sqlite"
            do {
                _ = try await Self.venue(["--prices", "store", "--store", missing] + clock).apply(to: .testing)
                Issue.record("a missing store was opened")
            } catch {
                #expect("\(error)".contains("There is no store at \(missing) yet"), "\(error)")
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/nothing"))
        }
    }
}
