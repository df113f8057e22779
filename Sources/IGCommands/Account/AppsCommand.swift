import ArgumentParser
import IGModels
import IGTrading

/// `ig apps`: the client's API applications and their allowances.
struct AppsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apps", abstract: "The API keys (applications) of the client and their allowances.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await connection.withClient { client in
            let apps = try await client.rateLimits.applications()
            func number(_ value: Int?) -> String { value.map(String.init) ?? "-" }
            try Tabular(
                columns: [
                    .init(title: "NAME"), .init(title: "API KEY"), .init(title: "STATUS"),
                    .init(title: "APP/MIN", alignment: .right), .init(title: "ACCOUNT/MIN", alignment: .right),
                    .init(title: "TRADING/MIN", alignment: .right), .init(title: "HISTORY/WEEK", alignment: .right),
                    .init(title: "SUBSCRIPTIONS", alignment: .right), .init(title: "CREATED"),
                ],
                rows: apps.map {
                    [
                        $0.name ?? "-", SecretMask.apiKey($0.apiKey), $0.status ?? "-",
                        number($0.allowanceApplicationOverall),
                        number($0.allowanceAccountOverall), number($0.allowanceAccountTrading),
                        number($0.allowanceAccountHistoricalData), number($0.concurrentSubscriptionsLimit),
                        $0.createdDate ?? "-",
                    ]
                },
                json: apps.map { app in
                    var copy = app
                    copy.apiKey = SecretMask.apiKey(app.apiKey)
                    return copy
                }
            ).print(as: output.format)
        }
    }

}
