import ArgumentParser
import IGModels
import IGTrading

/// `ig watchlists list|show|create|add|remove|delete`.
struct WatchlistsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watchlists", abstract: "List, show, create, edit and delete watchlists.",
        subcommands: [List.self, Show.self, Create.self, Add.self, Remove.self, Delete.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the account's watchlists.")
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let lists = try await client.watchlists.list()
                try Tabular(
                    columns: [
                        .init(title: "ID"), .init(title: "NAME"), .init(title: "EDITABLE"), .init(title: "DELETABLE"),
                        .init(title: "DEFAULT"),
                    ],
                    rows: lists.map {
                        [
                            $0.id.rawValue, $0.name, $0.editable == true ? "yes" : "no",
                            $0.deleteable == true ? "yes" : "no", $0.defaultSystemWatchlist == true ? "yes" : "",
                        ]
                    },
                    json: lists
                ).print(as: output.format)
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the markets of a watchlist.")
        @Argument(help: "The watchlist id, e.g. \"Popular Markets\".") var id: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                try Tabular.markets(try await client.watchlists.markets(in: WatchlistId(rawValue: id)))
                    .print(as: output.format)
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a watchlist, optionally with markets.")
        @Argument(help: "The name.") var name: String
        @Argument(help: "Epics to add.") var epics: [String] = []
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let created = try await client.watchlists.create(name: name, epics: epics.map { Epic(rawValue: $0) })
                if output.format == .json {
                    try printJSON(created)
                } else {
                    Console.line("Created watchlist \(created.watchlistId) (\(created.status)).")
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a market to a watchlist.")
        @Argument(help: "The watchlist id.") var id: String
        @Argument(help: "The epic.") var epic: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { client in
                let status = try await client.watchlists.add(Epic(rawValue: epic), to: WatchlistId(rawValue: id))
                Console.line("Added \(epic) to \(id): \(status).")
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a market from a watchlist.")
        @Argument(help: "The watchlist id.") var id: String
        @Argument(help: "The epic.") var epic: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { client in
                let status = try await client.watchlists.remove(Epic(rawValue: epic), from: WatchlistId(rawValue: id))
                Console.line("Removed \(epic) from \(id): \(status).")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a watchlist.")
        @Argument(help: "The watchlist id.") var id: String
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            try await connection.withClient { client in
                let status = try await client.watchlists.delete(WatchlistId(rawValue: id))
                Console.line("Deleted watchlist \(id): \(status).")
            }
        }
    }
}
