import ArgumentParser
import IGModels
import IGTrading

/// `ig markets`: search and inspect markets.
struct MarketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markets", abstract: "Search and inspect markets.",
        subcommands: [Search.self, Get.self, Nav.self])

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Find markets by name or epic.")

        @Argument(help: "What to look for, e.g. \"EUR/USD\" or FTSE.") var term: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let markets = try await client.markets.search(term)
                if markets.isEmpty, output.format == .table {
                    Console.line("No market matches '\(term)'.")
                    return
                }
                try Tabular.markets(markets).print(as: output.format)
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a market's details, prices and dealing rules.")

        @Argument(help: "One or more epics, e.g. CS.D.EURUSD.TODAY.IP.") var epics: [String]
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let details =
                    epics.count == 1
                    ? [try await client.markets.get(Epic(rawValue: epics[0]))]
                    : try await client.markets.get(epics.map { Epic(rawValue: $0) })
                switch output.format {
                case .json:
                    try printJSON(details.count == 1 ? details[0] as any Encodable : details)
                case .csv:
                    let lines = details.map(marketLines)
                    Console.line(lines.first?.map { Tabular.csvField($0.0) }.joined(separator: ",") ?? "")
                    for market in lines { Console.line(market.map { Tabular.csvField($0.1) }.joined(separator: ",")) }
                case .table:
                    for (index, market) in details.enumerated() {
                        if index > 0 { Console.line() }
                        printKeyValues(marketLines(market))
                    }
                }
            }
        }
    }
}
