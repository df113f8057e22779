import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGTrading

extension PricesCommand {
    /// `ig prices --store …`: bars served from the store, only missing ranges fetched from IG. Without a range (the
    /// last `--max` bars), only the bars since the store's latest covered time are fetched when that is recent. The chart
    /// goes into `svgFile` (`--svg`, opened by the caller).
    func runWithStore(
        _ location: StoreLocation, resolution: Resolution, range: (from: Date, to: Date)?, svgFile: ExportDestination?
    ) async throws {
        try await connection.withClient { client in
            // Logged in before the store is opened: missing or refused credentials leave no new store behind.
            if await client.session.current == nil { try await client.session.login() }
            try await storeOptions.withStore(location) { store in
                let cache = PriceCache(
                    store: store, client: client, environment: connection.storeEnvironment(for: client),
                    derivesCoarserBars: deriveCoarser, checksAllowance: !force)
                let epic = try await EpicSpellings(of: store, environment: cache.environment).noting(
                    Epic(rawValue: self.epic), environment: cache.environment)
                var result: CachedPrices
                var probed = 0
                do {
                    // What the store lacks, at most: checked against the allowance as without a store.
                    let cost =
                        if let range {
                            try await cache.pointsToFetch(
                                epic: epic, resolution: resolution, from: range.from, to: range.to)
                        } else {
                            try await cache.pointsToFetchLatest(epic: epic, resolution: resolution, count: max)
                        }
                    if cost > 0 {
                        if !force {
                            probed = try await PriceCost.check(
                                cost, epic: epic, resolution: resolution, client: client, storing: true
                            ) {
                                try await cache.probeAllowance(epic: epic, resolution: resolution)
                                    .bars.count
                            }
                        }
                        let held = deriveCoarser ? "neither holds nor can build from finer ones" : "does not hold"
                        Console.note(
                            "This request may cost up to \(counted(cost, "historical point")) (one per bar the store "
                                + "\(held)).")
                    }
                    if let range {
                        result = try await cache.table(
                            epic: epic, resolution: resolution, from: range.from, to: range.to)
                    } else {
                        result = try await cache.latest(epic: epic, resolution: resolution, count: max)
                    }
                } catch {
                    throw CommandFailure(error)
                }
                result.pointsSpent += probed
                let summary =
                    probed > 0
                    ? result.description.dropLast() + " (\(probed) of them to ask IG what remains)."
                    : result.description
                // After a table or chart, for people; on standard error after CSV and JSON, which are for programs.
                if chart {
                    drawChart(result.table)
                    Console.line(summary)
                } else {
                    switch output.format {
                    case .table:
                        try Tabular.bars(result.table).print(as: .table)
                        Console.line(summary)
                    case .csv:
                        try Tabular.barsDetailed(result.table).print(as: .csv)
                        StandardStream.error(summary + "\n")
                    case .json:
                        try printJSON(result.table)
                        StandardStream.error(summary + "\n")
                    }
                }
                try writeSVG(result.table, to: svgFile)
            }
        }
    }
}
