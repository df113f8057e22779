// sample-ticker: the counterpart of trading-ig's sample/sample_ticker.py, without polling.
//
// Streams CHART:{epic}:TICK items and redraws a table of the latest values per market on every tick, for 30
// seconds (or SAMPLE_SECONDS). Embedded simulator by default; IG DEMO with IG_SERVICE_* variables set.

import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading

let environment = ProcessInfo.processInfo.environment
let seconds = Double(environment["SAMPLE_SECONDS"] ?? "") ?? 30
let epics: [Epic] = ["CS.D.EURUSD.TODAY.IP", "CS.D.GBPUSD.TODAY.IP", "IX.D.FTSE.DAILY.IP", "CS.D.BITCOIN.TODAY.IP"]

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
    client = try IGClient(
        configuration: IGClient.Configuration(environment: .custom(url)),
        credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
}

func text(_ value: Decimal?) -> String { value.map { "\($0)" } ?? "-" }
func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

let streaming = IGStreamingClient(client: client)
let board = streaming.tickers(epics)
let interactive = isatty(STDOUT_FILENO) != 0

try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await streaming.run() }
    group.addTask {
        for try await snapshot in board {
            var lines = [
                padded("EPIC", 24) + padded("BID", 14) + padded("OFFER", 14) + padded("DAY HIGH", 14)
                    + padded("DAY LOW", 14) + "TICKS"
            ]
            for epic in epics {
                guard let ticker = snapshot.tickers[epic] else { continue }
                lines.append(
                    padded(epic.rawValue, 24) + padded(text(ticker.bid), 14) + padded(text(ticker.offer), 14)
                        + padded(text(ticker.dayHigh), 14) + padded(text(ticker.dayLow), 14) + "\(ticker.tickCount)")
            }
            if interactive { print("\u{1B}[H\u{1B}[2J", terminator: "") }
            print(lines.joined(separator: "\n") + (interactive ? "" : "\n"))
        }
    }
    try await Task.sleep(for: .milliseconds(Int64(seconds * 1000)))
    streaming.shutdown()
    group.cancelAll()
}
try await client.shutdown()
try await simulator?.shutdown()
