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
        @Argument(help: "BUY or SELL.") var direction: String
        @Argument(help: "Size (stake per point for spread bets, contracts for CFDs).") var size: String
        @Option(help: "Expiry: DFB or a dated expiry for spread bets, - for CFDs.") var expiry = "DFB"
        @Option(help: "Deal currency.") var currency = "GBP"
        @Option(help: "Stop distance in points.") var stopDistance: String?
        @Option(help: "Limit distance in points.") var limitDistance: String?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @Flag(help: "Net against an opposite position instead of opening a new one.") var net = false
        @Option(help: "Your deal reference (default: generated).") var reference: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let order = PositionOrder(
                epic: Epic(rawValue: epic), direction: try parseDirection(direction),
                size: try parseDecimal(size, "size"),
                expiry: expiry, currencyCode: currency, forceOpen: !net, guaranteedStop: guaranteedStop,
                stopDistance: try stopDistance.map { try parseDecimal($0, "--stop-distance") },
                limitDistance: try limitDistance.map { try parseDecimal($0, "--limit-distance") },
                dealReference: reference.map(DealReference.init(rawValue:)))
            try DealingConsole.confirmLive(connection, mutation, action: "open \(direction) \(size) \(epic)")
            try await connection.withClient { client in
                let prepared = try await client.dealing.prepareOpen(order, options: mutation.dealingOptions)
                if let reference = prepared.dealReference { DealingConsole.announce(reference) }
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                try DealingConsole.print(confirmation, as: output.format)
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace a position's stop and limit (omitted ones are removed).")

        @Argument(help: "The position's deal id.") var dealId: String
        @Option(help: "Stop level.") var stopLevel: String?
        @Option(help: "Limit level.") var limitLevel: String?
        @Flag(help: "Make the stop guaranteed.") var guaranteedStop = false
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            let amendment = PositionAmendment(
                stopLevel: try stopLevel.map { try parseDecimal($0, "--stop-level") },
                limitLevel: try limitLevel.map { try parseDecimal($0, "--limit-level") }, guaranteedStop: guaranteedStop
            )
            try DealingConsole.confirmLive(connection, mutation, action: "update \(dealId)")
            try await connection.withClient { client in
                let prepared = try client.dealing.prepareUpdate(DealId(rawValue: dealId), amendment)
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                DealingConsole.announce(confirmation.dealReference)
                try DealingConsole.print(confirmation, as: output.format)
            }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close (part of) a position.")

        @Argument(help: "The position's deal id.") var dealId: String
        @Option(help: "Size to close (default: all of it).") var size: String?
        @OptionGroup var mutation: DealingConsole.MutationOptions
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var output: FormatOptions

        func run() async throws {
            try DealingConsole.confirmLive(connection, mutation, action: "close \(dealId)")
            try await connection.withClient { client in
                let position = try await client.dealing.position(DealId(rawValue: dealId)).position
                let close = PositionClose(
                    dealId: position.dealId, direction: position.direction == .buy ? .sell : .buy,
                    size: try size.map { try parseDecimal($0, "--size") } ?? position.size)
                let prepared = try client.dealing.prepareClose(close)
                if mutation.dryRun { return DealingConsole.print(prepared) }
                let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
                DealingConsole.announce(confirmation.dealReference)
                try DealingConsole.print(confirmation, as: output.format)
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

/// BUY or SELL, case-insensitively.
func parseDirection(_ text: String) throws -> Direction {
    switch text.uppercased() {
    case "BUY": return .buy
    case "SELL": return .sell
    default: throw ValidationError("direction must be BUY or SELL, not '\(text)'.")
    }
}

/// An option's UTC date (`yyyy-MM-ddTHH:mm:ss`), `nil` when the option was not given.
func parseUTC(_ text: String?, _ name: String) throws -> Date? {
    guard let text else { return nil }
    guard let date = IGDateFormat.iso.date(from: text) else {
        throw ValidationError("\(name) must look like 2024-01-31T14:00:00 (UTC), not '\(text)'.")
    }
    return date
}

/// A decimal number, exactly as typed.
func parseDecimal(_ text: String, _ name: String) throws -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        throw ValidationError("\(name) must be a number, not '\(text)'.")
    }
    return value
}
