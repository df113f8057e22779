import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// `ig stream account`.
struct StreamAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Stream ACCOUNT:{accountId} balances (the active account by default).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    func run() async throws {
        try await StreamRunner(connection: connection, options: stream).run { streaming in
            try await streaming.account()
        }
    }
}
