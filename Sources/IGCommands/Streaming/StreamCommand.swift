import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// `ig stream`: live prices, charts, account and trade events over IG's Streaming API (Lightstreamer).
struct StreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Stream live prices, charts, account and trade updates (IG's Lightstreamer API).",
        discussion: """
            A live-updating table by default; --format ndjson prints one JSON object per line (updates, gaps and \
            connection status, each with a "type") for piping. Ctrl-C stops cleanly; --duration and --count stop \
            on their own.
            """,
        subcommands: [
            StreamPricesCommand.self, StreamChartCommand.self, StreamAccountCommand.self,
            StreamTradesCommand.self,
        ])
}
