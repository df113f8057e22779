// sample-rest: the counterpart of trading-ig's sample/rest_ig.py.
//
// Logs in, lists the accounts with their balances, then fetches daily and hourly prices of a market and prints them
// in trading-ig's "mid" layout, with the historical-data allowance IG reports.
//
// By default it talks to an IG simulator embedded in the process (with IG's default allowances, enforced). With
// IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY set (as for trading-ig) it talks to IG's DEMO.

import Foundation
import IGModels
import IGSimulator
import IGTrading

let environment = ProcessInfo.processInfo.environment
let epic = Epic(rawValue: environment["SAMPLE_EPIC"] ?? "CS.D.EURUSD.MINI.IP")

var simulator: IGSimulator?
let client: IGClient
if let credentials = try? IGCredentials.fromEnvironment() {
    client = try IGClient(configuration: IGClient.Configuration(environment: .demo), credentials: credentials)
    print("Using IG DEMO")
} else {
    var configuration = SimulatorConfiguration(port: 0)
    configuration.host = "127.0.0.1"
    let embedded = try IGSimulator(configuration: configuration)
    let url = try await embedded.start()
    simulator = embedded
    print("Using an embedded IG simulator at \(url.absoluteString)")
    client = try IGClient(
        configuration: IGClient.Configuration(environment: .custom(url)),
        credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
}

func show(_ view: PriceTableView) {
    print(
        "time (UTC)".padding(toLength: 21, withPad: " ", startingAt: 0)
            + view.columns.map { $0.padding(toLength: 12, withPad: " ", startingAt: 0) }.joined())
    for (time, values) in zip(view.times, view.values) {
        let cells = values.map { ($0.map { "\($0)" } ?? "-").padding(toLength: 12, withPad: " ", startingAt: 0) }
        print(IGDateFormat.iso.string(from: time).padding(toLength: 21, withPad: " ", startingAt: 0) + cells.joined())
    }
}

do {
    let accounts = try await client.accounts.list()
    print("\nAccounts:")
    for account in accounts {
        print(
            "  \(account.accountId)  \(account.accountType?.rawValue ?? "-")  \(account.currency ?? "")  "
                + "balance \(account.balance?.balance.map { "\($0)" } ?? "-")"
                + (account.preferred == true ? "  (default)" : ""))
    }

    let daily = try await client.prices.table(epic: epic, resolution: try Resolution(parsing: "D"), max: 10)
    print("\n\(epic): the last 10 daily bars (mid prices)")
    show(daily.view(.mid))

    let hourly = try await client.prices.table(epic: epic, resolution: try Resolution(parsing: "1h"), max: 5)
    print("\n\(epic): the last 5 hourly bars (bid/ask/last)")
    show(hourly.view(.nested))
    if let allowance = hourly.allowance {
        print(
            "\nHistorical allowance: \(allowance.remainingAllowance) of \(allowance.totalAllowance) points left, "
                + "resets in \(allowance.allowanceExpiry / 3600) h")
    }
    try await client.shutdown()
} catch {
    try? await client.shutdown()
    try? await simulator?.shutdown()
    print("error: \(error)")
    exit(1)
}
try await simulator?.shutdown()
