import ArgumentParser

/// `ig history`: the market-data store (sync, status, show, export, forget, copy).
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Keep historical prices in a store (SQLite or PostgreSQL) and spend IG's allowance once.",
        subcommands: [
            HistorySyncCommand.self, HistoryStatusCommand.self, HistoryShowCommand.self, HistoryExportCommand.self,
            HistoryForgetCommand.self, HistoryCopyCommand.self,
        ])
}
