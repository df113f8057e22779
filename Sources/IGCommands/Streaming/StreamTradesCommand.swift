import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// `ig stream trades`.
struct StreamTradesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trades", abstract: "Stream TRADE:{accountId} confirmations and position/order updates.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    func run() async throws {
        try await StreamRunner(connection: connection, options: stream).run { streaming in
            try await streaming.trades()
        }
    }
}
