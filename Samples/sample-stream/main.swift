// sample-stream: the counterpart of trading-ig's sample/stream_ig.py.
//
// Subscribes to PRICE quotes, the ACCOUNT item and TRADE events (confirmations, position and order updates) with a
// connection-status listener, and prints everything for 30 seconds (or SAMPLE_SECONDS).
//
// By default it talks to an IG simulator embedded in the process. With IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and
// IG_SERVICE_API_KEY set (as for trading-ig) it talks to IG's DEMO environment instead.

import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading

let environment = ProcessInfo.processInfo.environment
let seconds = Double(environment["SAMPLE_SECONDS"] ?? "") ?? 30
let epics: [Epic] = ["CS.D.GBPUSD.TODAY.IP", "IX.D.FTSE.DAILY.IP"]

var simulator: IGSimulator?
let client: IGClient
if let credentials = try? IGCredentials.fromEnvironment() {
    client = try IGClient(configuration: IGClient.Configuration(environment: .demo), credentials: credentials)
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

let streaming = IGStreamingClient(client: client)
let prices = try await streaming.prices(epics)
let account = try await streaming.account()
let trades = try await streaming.trades()
let accountId = try await streaming.accountId()
print("Streaming for account \(accountId) for \(Int(seconds)) s")

try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await streaming.run() }
    group.addTask {
        // The status listener.
        for await status in streaming.statusUpdates { print("status: \(status)") }
    }
    group.addTask {
        for try await event in prices {
            guard case .update(let price) = event else {
                print("prices: \(event)")
                continue
            }
            print(
                "price \(price.epic): bid \(price.bid.map { "\($0)" } ?? "-") ask \(price.ask.map { "\($0)" } ?? "-")"
                    + " at \(price.timestamp.map { "\($0)" } ?? "-")")
        }
    }
    group.addTask {
        for try await event in account {
            guard case .update(let update) = event else { continue }
            print(
                "account \(update.accountId): funds \(update.funds.map { "\($0)" } ?? "-")"
                    + " pnl \(update.profitAndLoss.map { "\($0)" } ?? "-")"
                    + " equity \(update.equity.map { "\($0)" } ?? "-")")
        }
    }
    group.addTask {
        for try await event in trades {
            guard case .update(let trade) = event else { continue }
            switch trade.payload {
            case .confirmation(let confirmation):
                print(
                    "confirm \(confirmation.dealReference.map { "\($0)" } ?? "-"): \(confirmation.dealStatus.map { "\($0)" } ?? "-") \(confirmation.reason ?? "")"
                )
            case .openPosition(let position):
                print("position \(position.dealId.map { "\($0)" } ?? "-"): \(position.status ?? "-")")
            case .workingOrder(let order):
                print("order \(order.dealId.map { "\($0)" } ?? "-"): \(order.status ?? "-")")
            case .undecodable(let field, let json):
                print("\(field): \(json)")
            }
        }
    }
    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
    streaming.shutdown()
    group.cancelAll()
}
try await client.shutdown()
try await simulator?.shutdown()
