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
    @Option(help: "Range start, UTC: yyyy-MM-ddTHH:mm:ss.") var from: UTCDateArgument?
    @Option(help: "Range end, UTC: yyyy-MM-ddTHH:mm:ss.") var to: UTCDateArgument?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        guard max > 0 else { throw ValidationError("--max must be at least 1.") }
    }

    func run() async throws {
        let resolution = try Resolution(parsing: resolution)
        let start = from?.value
        let end = to?.value
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
