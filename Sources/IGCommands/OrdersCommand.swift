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
        @Argument(help: "BUY or SELL.") var direction: String
        @Argument(help: "Size.") var size: String
        @Argument(help: "Trigger level.") var level: String
        @Option(help: "LIMIT or STOP.") var type = "LIMIT"
        @Option(help: "Expiry: DFB or a dated expiry for spread bets, - for CFDs.") var expiry = "DFB"
        @Option(help: "Deal currency.") var currency = "GBP"
        @Option(help: "Good till this UTC time (yyyy-MM-ddTHH:mm:ss); default good till cancelled.") var goodTill:
            String?
        @Option(help: "Stop distance in points.") var stopDistance: String?
        @Option(help: "Limit distance in points.") var limitDistance: String?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @Option(help: "Your deal reference (default: generated).") var reference: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let kind = WorkingOrderType(rawValue: type.uppercased())
            guard kind == .limit || kind == .stop else { throw ValidationError("--type must be LIMIT or STOP.") }
            let goodTillDate = try goodTill.map { text in
                guard let date = IGDateFormat.date(from: text) else {
                    throw ValidationError("--good-till must look like 2026-12-31T18:00:00.")
                }
                return date
            }
            let order = WorkingOrderPlacement(
                epic: Epic(rawValue: epic), direction: try parseDirection(direction),
                size: try parseDecimal(size, "size"),
                level: try parseDecimal(level, "level"), type: kind, goodTill: goodTillDate, expiry: expiry,
                currencyCode: currency, guaranteedStop: guaranteedStop,
                stopDistance: try stopDistance.map { try parseDecimal($0, "--stop-distance") },
                limitDistance: try limitDistance.map { try parseDecimal($0, "--limit-distance") },
                dealReference: reference.map(DealReference.init(rawValue:)))
            try DealingConsole.confirmLive(connection, mutation, action: "place \(type) \(direction) \(size) \(epic)")
            try await connection.withClient { client in
                let prepared = try await client.dealing.preparePlace(order, options: mutation.dealingOptions)
                if let reference = prepared.dealReference { DealingConsole.announce(reference) }
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                try DealingConsole.print(confirmation, as: output.format)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a working order's level, type and stop/limit (omitted ones are removed).")

        @Argument(help: "The order's deal id.") var dealId: String
        @Argument(help: "New trigger level.") var level: String
        @Option(help: "LIMIT or STOP.") var type = "LIMIT"
        @Option(help: "Stop distance in points.") var stopDistance: String?
        @Option(help: "Limit distance in points.") var limitDistance: String?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let amendment = WorkingOrderAmendment(
                level: try parseDecimal(level, "level"), type: WorkingOrderType(rawValue: type.uppercased()),
                guaranteedStop: guaranteedStop,
                stopDistance: try stopDistance.map { try parseDecimal($0, "--stop-distance") },
                limitDistance: try limitDistance.map { try parseDecimal($0, "--limit-distance") })
            try DealingConsole.confirmLive(connection, mutation, action: "update order \(dealId)")
            try await connection.withClient { client in
                let prepared = try client.dealing.prepareUpdateOrder(DealId(rawValue: dealId), amendment)
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                DealingConsole.announce(confirmation.dealReference)
                try DealingConsole.print(confirmation, as: output.format)
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
            try DealingConsole.confirmLive(connection, mutation, action: "cancel order \(dealId)")
            try await connection.withClient { client in
                let prepared = try client.dealing.prepareCancelOrder(DealId(rawValue: dealId))
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                DealingConsole.announce(confirmation.dealReference)
                try DealingConsole.print(confirmation, as: output.format)
            }
        }
    }
}
