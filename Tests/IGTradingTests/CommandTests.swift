import ArgumentParser
import Foundation
import IGCommands
import IGSimulator
import Testing

/// Runs `ig ARGUMENTS…` in-process and returns what it printed.
func runIG(_ arguments: [String]) async throws -> String {
    try await IGCommand.output(of: arguments)
}

@Suite("The ig command")
struct CommandTests {
    @Test("ig demo walks through login, accounts, search, a market and 20 hourly bars")
    func demo() async throws {
        let output = try await runIG(["demo"])
        #expect(output.contains("1. Log in"))
        #expect(output.contains("SPREADBET") && output.contains("CFD"))
        #expect(output.contains("CS.D.EURUSD.TODAY.IP"))
        #expect(output.contains("Bid / Offer"))
        let section = try #require(output.components(separatedBy: "5. The last 20 hourly bars").last)
        let barLines = section.split(separator: "\n").filter {
            $0.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:00:00"#, options: .regularExpression) != nil
        }
        #expect(barLines.count == 20)
    }

    @Test("ig accounts / markets / prices against a running simulator, in every format")
    func commandsAgainstServer() async throws {
        try await withSimulator { _, url in
            let base = ["--base-url", url.absoluteString]
            let accounts = try await runIG(["accounts"] + base)
            #expect(accounts.contains("ACCOUNT") && accounts.contains("SPREADBET"))
            let json = try await runIG(["accounts", "--format", "json"] + base)
            let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]]
            #expect(decoded?.count == 2)
            let search = try await runIG(["markets", "search", "EUR/USD", "--format", "csv"] + base)
            #expect(search.hasPrefix("EPIC,NAME,TYPE"))
            #expect(search.contains("CS.D.EURUSD.MINI.IP"))
            let market = try await runIG(["markets", "get", "IX.D.FTSE.DAILY.IP"] + base)
            #expect(market.contains("Min deal size"))
            let prices = try await runIG(
                ["prices", "CS.D.EURUSD.TODAY.IP", "-r", "D", "--max", "5", "-f", "csv"] + base)
            let lines = prices.split(separator: "\n")
            #expect(lines.first?.hasPrefix("time,open_bid,open_ask") == true)
            #expect(lines.count == 6)
            let login = try await runIG(["login", "--session-version", "3"] + base)
            #expect(login.contains("session v3"))
        }
    }

    @Test("Bad input is a clear usage error")
    func badInput() async throws {
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["prices", "X.Y.Z", "--resolution", "7h"]) }
        do {
            _ = try IGCommand.parseAsRoot(["prices", "X.Y.Z", "--resolution", "7h"])
        } catch {
            let message = IGCommand.message(for: error)
            #expect(message.contains("Unknown resolution '7h'"))
        }
    }
}
