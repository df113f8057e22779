import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig positions`: list, open, update and close positions.
struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positions", abstract: "List, open, update and close positions.",
        subcommands: [List.self, Open.self, Update.self, Close.self, CloseAll.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List open positions.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let positions = try await client.dealing.positions()
                try Tabular(
                    columns: [
                        .init(title: "DEAL ID"), .init(title: "EPIC"), .init(title: "EXPIRY"), .init(title: "DIR"),
                        .init(title: "SIZE", alignment: .right), .init(title: "LEVEL", alignment: .right),
                        .init(title: "STOP", alignment: .right), .init(title: "LIMIT", alignment: .right),
                        .init(title: "BID", alignment: .right), .init(title: "OFFER", alignment: .right),
                    ],
                    rows: positions.map {
                        [
                            $0.position.dealId.rawValue, $0.market.epic.rawValue, $0.market.expiry ?? "-",
                            $0.position.direction.rawValue, text($0.position.size), text($0.position.level),
                            text($0.position.stopLevel), text($0.position.limitLevel), text($0.market.bid),
                            text($0.market.offer),
                        ]
                    },
                    json: positions
                ).print(as: output.format)
            }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a position at market.")

        @Argument(help: "The epic, e.g. CS.D.EURUSD.TODAY.IP.") var epic: String
        @Argument(help: "BUY or SELL.") var direction: DirectionArgument
        @Argument(help: "Size (stake per point for spread bets, contracts for CFDs).") var size: DecimalArgument
        @Option(help: "Expiry: DFB or a dated expiry for spread bets, - for CFDs.") var expiry = "DFB"
        @Option(help: "Deal currency.") var currency = "GBP"
        @Option(help: "Stop distance in points.") var stopDistance: DecimalArgument?
        @Option(help: "Limit distance in points.") var limitDistance: DecimalArgument?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @Flag(help: "Net against an opposite position instead of opening a new one.") var net = false
        @Option(help: "Your deal reference (default: generated).") var reference: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let order = PositionOrder(
                epic: Epic(rawValue: epic), direction: direction.value, size: size.value,
                expiry: expiry, currencyCode: currency, forceOpen: !net, guaranteedStop: guaranteedStop,
                stopDistance: stopDistance?.value, limitDistance: limitDistance?.value,
                dealReference: reference.map(DealReference.init(rawValue:)))
            try await DealingConsole.perform(
                "open \(direction) \(size) \(epic)", connection: connection, mutation: mutation, output: output
            ) { client in
                try await client.dealing.prepareOpen(order, options: mutation.dealingOptions)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a position's stop and limit (omitted ones are removed).")

        @Argument(help: "The position's deal id.") var dealId: String
        @Option(help: "Stop level.") var stopLevel: DecimalArgument?
        @Option(help: "Limit level.") var limitLevel: DecimalArgument?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let amendment = PositionAmendment(
                stopLevel: stopLevel?.value, limitLevel: limitLevel?.value, guaranteedStop: guaranteedStop)
            try await DealingConsole.perform(
                "update \(dealId)", connection: connection, mutation: mutation, output: output
            ) { client in
                try client.dealing.prepareUpdate(DealId(rawValue: dealId), amendment)
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close (part of) a position.")

        @Argument(help: "The position's deal id.") var dealId: String
        @Option(help: "Size to close (default: all of it).") var size: DecimalArgument?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await DealingConsole.perform(
                "close \(dealId)", connection: connection, mutation: mutation, output: output
            ) { client in
                let position = try await client.dealing.position(DealId(rawValue: dealId)).position
                let close = PositionClose(
                    dealId: position.dealId, direction: position.direction == .buy ? .sell : .buy,
                    size: size?.value ?? position.size)
                return try client.dealing.prepareClose(close)
            }
        }
    }

    struct CloseAll: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "close-all", abstract: "Close every open position (optionally on one epic).")

        @Option(help: "Only positions on this epic.") var epic: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try DealingConsole.confirmLive(connection, mutation, action: "close all positions")
            if mutation.dryRun, connection.targetsLive {
                throw ValidationError(
                    "A dry run on LIVE does not log in to LIVE, and close-all needs the open positions: try it with "
                        + "--env demo.")
            }
            try await connection.withClient { client in
                if mutation.dryRun {
                    for entry in try await client.dealing.positions()
                    where epic == nil || entry.market.epic.rawValue == epic {
                        let close = PositionClose(
                            dealId: entry.position.dealId, direction: entry.position.direction == .buy ? .sell : .buy,
                            size: entry.position.size)
                        DealingConsole.print(try client.dealing.prepareClose(close))
                    }
                    return
                }
                let results = try await client.dealing.closeAll(
                    epic: epic.map(Epic.init(rawValue:)), options: mutation.dealingOptions)
                if results.isEmpty { Console.line("No open position.") }
                for confirmation in results {
                    DealingConsole.announce(confirmation.dealReference)
                    try DealingConsole.print(confirmation, as: output.format)
                }
            }
        }
    }
}
