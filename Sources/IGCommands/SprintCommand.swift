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
        @Argument(help: "BUY (finishes higher) or SELL (finishes lower).") var direction: String
        @Argument(help: "The stake.") var stake: String
        @Option(help: "ONE_MINUTE, TWO_MINUTES, FIVE_MINUTES, TWENTY_MINUTES or SIXTY_MINUTES.")
        var period = "FIVE_MINUTES"
        @Option(help: "Your deal reference (default: generated).") var reference: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func validate() throws {
            guard SprintExpiryPeriod.all.map(\.rawValue).contains(period.uppercased()) else {
                throw ValidationError(
                    "--period must be one of \(SprintExpiryPeriod.all.map(\.rawValue).joined(separator: ", ")).")
            }
        }

        func run() async throws {
            let order = SprintMarketOrder(
                epic: Epic(rawValue: epic), direction: try parseDirection(direction),
                size: try parseDecimal(stake, "stake"), expiryPeriod: SprintExpiryPeriod(rawValue: period.uppercased()),
                dealReference: reference.map(DealReference.init(rawValue:)))
            try DealingConsole.confirmLive(connection, mutation, action: "sprint \(direction) \(stake) \(epic)")
            try await connection.withClient { client in
                let prepared = try client.dealing.prepareSprint(order)
                if let reference = prepared.dealReference { DealingConsole.announce(reference) }
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                try DealingConsole.print(confirmation, as: output.format)
            }
        }
    }
}
