import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig limits`: IG's allowances for this API key and how much of them is in use.
struct LimitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits",
        abstract: "Show IG's request and historical-data allowances and their current use.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    struct Report: Encodable {
        var applications: [ClientApplication]
        var allowances: IGAllowances?
        var windows: [Window]
        var historical: Historical?

        struct Window: Encodable {
            var name: String
            var limit: Int
            var used: Int
            var granted: Int
            var waits: Int
        }

        struct Historical: Encodable {
            var remaining: Int
            var total: Int
            var resetsAt: Date
        }
    }

    func run() async throws {
        try await connection.withClient { client in
            let applications = try await client.rateLimits.applications()
            let status = await client.rateLimits.status()
            var windows: [Report.Window] = []
            for (name, usage) in [
                ("application (per API key, non-trading)", status.application),
                ("account (non-trading)", status.account), ("account (trading)", status.trading),
            ] {
                if let usage {
                    windows.append(
                        .init(
                            name: name, limit: usage.limit, used: usage.used, granted: usage.granted,
                            waits: usage.waits))
                }
            }
            let report = Report(
                applications: applications.map { app in
                    var copy = app
                    copy.apiKey = SecretMask.apiKey(app.apiKey)
                    return copy
                }, allowances: status.allowances, windows: windows,
                historical: status.historical.map {
                    .init(remaining: $0.remaining, total: $0.total, resetsAt: $0.resetsAt)
                })
            switch output.format {
            case .json:
                try printJSON(report)
            case .csv:
                Console.line("window,limit_per_min,used,granted,waits")
                for window in windows {
                    Console.line(
                        [
                            Tabular.csvField(window.name), "\(window.limit)", "\(window.used)", "\(window.granted)",
                            "\(window.waits)",
                        ].joined(separator: ","))
                }
            case .table:
                var table = TextTable([
                    .init(title: "API KEY"), .init(title: "NAME"), .init(title: "STATUS"),
                    .init(title: "APP/MIN", alignment: .right), .init(title: "ACCOUNT/MIN", alignment: .right),
                    .init(title: "TRADING/MIN", alignment: .right), .init(title: "HISTORICAL/WEEK", alignment: .right),
                ])
                for app in applications {
                    table.add([
                        SecretMask.apiKey(app.apiKey), app.name ?? "-", app.status ?? "-",
                        text(app.allowanceApplicationOverall), text(app.allowanceAccountOverall),
                        text(app.allowanceAccountTrading), text(app.allowanceAccountHistoricalData),
                    ])
                }
                Console.line(table.render())
                Console.line()
                var usage = TextTable([
                    .init(title: "WINDOW (60 s, sliding)"), .init(title: "LIMIT", alignment: .right),
                    .init(title: "IN USE", alignment: .right), .init(title: "SENT", alignment: .right),
                    .init(title: "WAITED", alignment: .right),
                ])
                for window in windows {
                    usage.add([
                        "\(window.name)", "\(window.limit)", "\(window.used)", "\(window.granted)", "\(window.waits)",
                    ])
                }
                Console.line(usage.render())
                if let historical = status.historical {
                    Console.line(
                        "Historical data: \(historical.remaining) of \(historical.total) points left, resets "
                            + "\(IGDateFormat.spaced.string(from: historical.resetsAt)) UTC.")
                } else {
                    Console.line("Historical data: IG reports the remaining points with each price response.")
                }
            }
        }
    }
}
