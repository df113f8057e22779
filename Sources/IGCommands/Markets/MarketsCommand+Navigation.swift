import ArgumentParser
import IGModels
import IGTrading

extension MarketsCommand {
    /// `ig markets nav [ID]`: browse IG's market navigation tree.
    struct Nav: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nav",
            abstract: "Browse the market navigation tree: the root, or a node's children and markets.")

        @Argument(help: "A node id (omit for the top level).") var id: String?
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let node = try await client.markets.navigation(id)
                switch output.format {
                case .json:
                    try printJSON(node)
                case .csv, .table:
                    if !node.nodes.isEmpty {
                        try Tabular(
                            columns: [.init(title: "NODE"), .init(title: "NAME")],
                            rows: node.nodes.map { [$0.id, $0.name] }, json: node.nodes
                        ).print(as: output.format)
                    }
                    if !node.markets.isEmpty {
                        if !node.nodes.isEmpty { Console.line() }
                        try Tabular.markets(node.markets.map(\.market)).print(as: output.format)
                    }
                    if node.nodes.isEmpty, node.markets.isEmpty, output.format == .table {
                        Console.line("Node \(id ?? "root") is empty.")
                    }
                }
            }
        }
    }
}
