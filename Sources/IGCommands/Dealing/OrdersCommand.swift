import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig orders`: list, place, update and cancel working orders.
struct OrdersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orders", abstract: "List, place, update and cancel working orders.",
        subcommands: [List.self, Place.self, Update.self, Cancel.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List working orders.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await connection.withClient { client in
                let orders = try await client.dealing.workingOrders()
                try Tabular(
                    columns: [
                        .init(title: "DEAL ID"), .init(title: "EPIC"), .init(title: "TYPE"), .init(title: "DIR"),
                        .init(title: "SIZE", alignment: .right), .init(title: "LEVEL", alignment: .right),
                        .init(title: "STOP DIST", alignment: .right), .init(title: "LIMIT DIST", alignment: .right),
                        .init(title: "GOOD TILL"),
                    ],
                    rows: orders.map {
                        let order = $0.workingOrderData
                        return [
                            order.dealId.rawValue, order.epic.rawValue, order.orderType.rawValue,
                            order.direction.rawValue, text(order.orderSize), text(order.orderLevel),
                            text(order.stopDistance), text(order.limitDistance), order.goodTillDate ?? "GTC",
                        ]
                    },
                    json: orders
                ).print(as: output.format)
            }
        }
    }

    struct Place: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Place a LIMIT or STOP working order.")

        @Argument(help: "The epic.") var epic: String
        @Argument(help: "BUY or SELL.") var direction: DirectionArgument
        @Argument(help: "Size.") var size: DecimalArgument
        @Argument(help: "Trigger level.") var level: DecimalArgument
        @Option(help: "LIMIT or STOP.") var type = WorkingOrderTypeArgument.limit
        @Option(help: "Expiry: DFB or a dated expiry for spread bets, - for CFDs.") var expiry = "DFB"
        @Option(help: "Deal currency.") var currency = "GBP"
        @Option(
            help: "Good till this UTC time (2026-11-01T18:00 or 2026-11-01T18:00:00Z); default good till cancelled.")
        var goodTill: UTCDateArgument?
        @Option(help: "Stop distance in points.") var stopDistance: DecimalArgument?
        @Option(help: "Limit distance in points.") var limitDistance: DecimalArgument?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @Option(help: "Your deal reference (default: generated).") var reference: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let order = WorkingOrderPlacement(
                epic: Epic(rawValue: epic), direction: direction.value, size: size.value, level: level.value,
                type: type.value, goodTill: goodTill?.value, expiry: expiry, currencyCode: currency,
                guaranteedStop: guaranteedStop, stopDistance: stopDistance?.value, limitDistance: limitDistance?.value,
                dealReference: reference.map(DealReference.init(rawValue:)))
            try await DealingConsole.perform(
                "place \(type) \(direction) \(size) \(epic)", connection: connection, mutation: mutation,
                output: output
            ) { client in
                try await client.dealing.preparePlace(order, options: mutation.dealingOptions)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a working order's level, type and stop/limit (omitted ones are removed).")

        @Argument(help: "The order's deal id.") var dealId: String
        @Argument(help: "New trigger level.") var level: DecimalArgument
        @Option(help: "LIMIT or STOP.") var type = WorkingOrderTypeArgument.limit
        @Option(help: "Stop distance in points.") var stopDistance: DecimalArgument?
        @Option(help: "Limit distance in points.") var limitDistance: DecimalArgument?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let amendment = WorkingOrderAmendment(
                level: level.value, type: type.value, guaranteedStop: guaranteedStop,
                stopDistance: stopDistance?.value, limitDistance: limitDistance?.value)
            try await DealingConsole.perform(
                "update order \(dealId)", connection: connection, mutation: mutation, output: output
            ) { client in
                try client.dealing.prepareUpdateOrder(DealId(rawValue: dealId), amendment)
            }
        }
    }

    struct Cancel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a working order.")

        @Argument(help: "The order's deal id.") var dealId: String
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try await DealingConsole.perform(
                "cancel order \(dealId)", connection: connection, mutation: mutation, output: output
            ) { client in
                try client.dealing.prepareCancelOrder(DealId(rawValue: dealId))
            }
        }
    }
}
