import ArgumentParser
import IGModels
import IGTrading

/// `ig accounts`: lists the accounts with balances.
struct AccountsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "List your accounts and their balances.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await connection.withClient { client in
            try Tabular.accounts(try await client.accounts.list()).print(as: output.format)
        }
    }
}
