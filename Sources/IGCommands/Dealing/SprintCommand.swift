import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig sprint`: sprint-market positions (fixed-odds bets on a market's direction over minutes).
struct SprintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sprint", abstract: "Sprint-market positions: list and open.",
        subcommands: [List.self, Open.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List open sprint-market positions.")

        @Option(help: "IG API version: 2 or 1.") var apiVersion = 2
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func validate() throws {
            guard apiVersion == 1 || apiVersion == 2 else { throw ValidationError("--api-version must be 1 or 2.") }
        }

        func run() async throws {
            try await connection.withClient { client in
                let positions = try await client.dealing.sprintPositions(version: apiVersion)
                try Tabular(
                    columns: [
                        .init(title: "DEAL ID"), .init(title: "EPIC"), .init(title: "DIR"),
                        .init(title: "STAKE", alignment: .right), .init(title: "STRIKE", alignment: .right),
                        .init(title: "PAYOUT", alignment: .right), .init(title: "EXPIRES"),
                    ],
                    rows: positions.map {
                        [
                            $0.dealId.rawValue, $0.epic.rawValue, $0.direction.rawValue, text($0.size),
                            text($0.strikeLevel), text($0.payoutAmount), $0.expiryTime ?? "-",
                        ]
                    },
                    json: positions
                ).print(as: output.format)
            }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Bet that a sprint market finishes above (BUY) or below (SELL) its current level.")

        @Argument(help: "A sprint-market epic, e.g. FM.D.FTSE.FTSE.IP.") var epic: String
        @Argument(help: "BUY (finishes higher) or SELL (finishes lower).") var direction: DirectionArgument
        @Argument(help: "The stake.") var stake: DecimalArgument
        @Option(help: "ONE_MINUTE, TWO_MINUTES, FIVE_MINUTES, TWENTY_MINUTES or SIXTY_MINUTES.")
        var period = SprintPeriodArgument.fiveMinutes
        @Option(help: "Your deal reference (default: generated).") var reference: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let order = SprintMarketOrder(
                epic: Epic(rawValue: epic), direction: direction.value, size: stake.value, expiryPeriod: period.value,
                dealReference: reference.map(DealReference.init(rawValue:)))
            try await DealingConsole.perform(
                "sprint \(direction) \(stake) \(epic)", connection: connection, mutation: mutation, output: output
            ) { client in
                try client.dealing.prepareSprint(order)
            }
        }
    }
}
