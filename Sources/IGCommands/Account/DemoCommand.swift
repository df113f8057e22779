import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading
import Logging

/// `ig demo`: the guided tour on an embedded simulator.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "A guided tour on an embedded IG simulator: log in, accounts, search, a market, hourly bars.")

    @Option(help: "Log level on stderr (trace shows every request; secrets are redacted).")
    var logLevel: LogLevelChoice = .warning

    @Option(help: "Login session version: 1, 2 or 3.")
    var sessionVersion = SessionVersionArgument.v2

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let simulator = try IGSimulator(configuration: .embedded())
        let url = try await simulator.start()
        var logger = Logger(label: "ig.demo", factory: { StreamLogHandler.standardError(label: $0) })
        logger.logLevel = logLevel.level
        let credentials = ConnectionOptions.simulatorCredentials()
        let configuration = IGClient.Configuration(
            environment: .custom(url), sessionVersion: sessionVersion.value, logger: logger)
        let client = try IGClient(configuration: configuration, credentials: credentials)
        do {
            try await tour(client: client, url: url)
            try await client.session.logout()
            try await client.shutdown()
            try await simulator.shutdown()
        } catch {
            try? await client.shutdown()
            try? await simulator.shutdown()
            throw error
        }
        let elapsed = clock.now - started
        Console.line()
        Console.line(
            "Done in \(String(format: "%.2f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)) s."
        )
    }

    private func step(_ number: Int, _ title: String) {
        Console.line()
        Console.line("\(number). \(title)")
    }

    private func tour(client: IGClient, url: URL) async throws {
        Console.line("swift-ig demo — an IG simulator is running in this process at \(url.absoluteString)")
        Console.line("(REST under \(url.absoluteString)/gateway/deal; nothing leaves this machine.)")

        step(1, "Log in (session v\(sessionVersion))")
        let session = try await client.session.login()
        printKeyValues([
            ("Account", "\(session.accountId) (\(text(session.accountType)))"),
            ("Currency", session.currency ?? "-"),
            ("Streaming endpoint", session.lightstreamerEndpoint?.absoluteString ?? "-"),
        ])

        step(2, "Your accounts")
        try Tabular.accounts(try await client.accounts.list()).print(as: .table)

        step(3, "Search markets for \"EUR/USD\"")
        try Tabular.markets(try await client.markets.search("EUR/USD")).print(as: .table)

        let epic: Epic = "CS.D.EURUSD.TODAY.IP"
        step(4, "Market \(epic)")
        printKeyValues(marketLines(try await client.markets.get(epic)))

        step(5, "The last 20 hourly bars of \(epic) (mid prices, UTC)")
        let prices = try await client.prices.history(epic: epic, resolution: .hour, max: 20)
        try Tabular.bars(prices).print(as: .table)
        if let allowance = prices.allowance {
            Console.line(
                "Historical allowance: \(allowance.remainingAllowance) of \(allowance.totalAllowance) points left.")
        }

        Console.line()
        Console.line("Next: `swift run ig simulator` in one terminal, then e.g.")
        Console.line("  swift run ig markets search FTSE --base-url http://127.0.0.1:8470")
        Console.line("  swift run ig prices IX.D.FTSE.DAILY.IP --resolution D --max 10 --format csv")
        Console.line(
            "Against IG's DEMO: set IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD, IG_SERVICE_API_KEY and add --env demo.")
    }
}
