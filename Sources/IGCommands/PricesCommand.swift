import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig prices EPIC`: historical bars.
struct PricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Historical price bars of a market (IG prices v3).")

    @Argument(help: "The epic, e.g. CS.D.EURUSD.TODAY.IP.") var epic: String
    @Option(
        name: .shortAndLong,
        help: "Bar size: an IG name (MINUTE, HOUR_4, DAY…) or an alias (1Min, 5Min, 1h, 4h, D, W, ME).")
    var resolution: String = "HOUR"
    @Option(help: "Number of most recent bars (when no --from/--to).") var max: Int = 20
    @Option(help: "Range start, UTC: yyyy-MM-ddTHH:mm:ss.") var from: String?
    @Option(help: "Range end, UTC: yyyy-MM-ddTHH:mm:ss.") var to: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions
    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Do not use a market-data store, even when IG_STORE is set.") var noStore = false

    func validate() throws {
        do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        _ = try parseUTC(from, "--from")
        _ = try parseUTC(to, "--to")
        guard max > 0 else { throw ValidationError("--max must be at least 1.") }
    }

    func run() async throws {
        let resolution = try Resolution(parsing: resolution)
        let start = try parseUTC(from, "--from")
        let end = try parseUTC(to, "--to")
        if !noStore, let location = try storeOptions.explicitLocation() {
            if let start {
                try await runWithStore(location, resolution: resolution, from: start, to: end ?? Date())
                return
            }
            FileHandle.standardError.write(
                Data("note: the store serves --from/--to requests; --max goes to IG directly.\n".utf8))
        }
        try await connection.withClient { client in
            let prices = try await client.prices.history(
                epic: Epic(rawValue: epic), resolution: resolution, from: start, to: end,
                max: start == nil && end == nil ? max : nil)
            switch output.format {
            case .table:
                try Tabular.bars(prices).print(as: .table)
                if let allowance = prices.allowance {
                    Console.line(
                        "\(prices.bars.count) bars (mid prices). Historical allowance: "
                            + "\(allowance.remainingAllowance)/\(allowance.totalAllowance) points left, resets in "
                            + "\(allowance.allowanceExpiry / 3600) h.")
                }
            case .csv: try Tabular.barsDetailed(prices).print(as: .csv)
            case .json: try printJSON(prices)
            }
        }
    }
}
