import ArgumentParser
import Foundation
import IGCommands
import IGSimulator
import IGSimulatorTesting
import Testing

/// Starts a simulator publishing 5 updates a second per item, runs `body` with its URL, and stops it.
private func withSimulatorServer<T>(
    _ configure: (inout SimulatorConfiguration) -> Void = { _ in },
    _ body: (URL) async throws -> T
) async throws -> T {
    var configuration = SimulatorConfiguration.testing
    configuration.streaming.updatesPerSecond = 5
    configure(&configuration)
    return try await IGSimulator.withRunning(configuration: configuration) { _, url in try await body(url) }
}

/// The JSON objects of NDJSON output; `nil` if a line is not a JSON object.
private func objects(_ output: String) -> [[String: Any]]? {
    let lines = output.split(separator: "\n")
    let objects = lines.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any] }
    return objects.count == lines.count ? objects : nil
}

@Suite("ig stream, in-process", .timeLimit(.minutes(2)))
struct StreamCommandInProcessTests {
    @Test("ig stream prices EPIC… --count 3 --format ndjson prints three price objects and the status")
    func pricesNDJSON() async throws {
        try await withSimulatorServer { url in
            let output = try await runIG([
                "stream", "prices", "CS.D.EURUSD.TODAY.IP", "CS.D.BITCOIN.TODAY.IP", "--count", "3",
                "--format", "ndjson", "--base-url", url.absoluteString,
            ])
            let lines = try #require(objects(output), "every line is a JSON object:\n\(output)")
            let prices = lines.filter { $0["type"] as? String == "price" }
            #expect(prices.count == 3)
            #expect(
                prices.allSatisfy {
                    ["CS.D.EURUSD.TODAY.IP", "CS.D.BITCOIN.TODAY.IP"].contains($0["epic"] as? String)
                        && $0["bid"] is NSNumber && $0["ask"] is NSNumber && $0["snapshot"] is Bool
                })
            #expect(prices.first?["snapshot"] as? Bool == true)
            let statuses = lines.filter { $0["type"] as? String == "status" }.compactMap { $0["status"] as? String }
            // WebSockets by default; a machine too loaded to open one within the client's 4-s connect timeout makes
            // it fall back to HTTP streaming, as IG's own clients do (the fallback has a test of its own below).
            #expect(
                statuses.contains("CONNECTED:WS-STREAMING") || statuses.contains("CONNECTED:HTTP-STREAMING"),
                "\(statuses)")
        }
    }

    @Test("Against a simulator that refuses WebSockets, ig stream falls back to HTTP streaming")
    func pricesOverHTTPFallback() async throws {
        try await withSimulatorServer({ $0.streaming.acceptsWebSocket = false }) { url in
            let output = try await runIG([
                "stream", "prices", "CS.D.BITCOIN.TODAY.IP", "--count", "2", "--format", "ndjson", "--base-url",
                url.absoluteString,
            ])
            let lines = try #require(objects(output))
            #expect(lines.filter { $0["type"] as? String == "price" }.count == 2)
            let statuses = lines.filter { $0["type"] as? String == "status" }.compactMap { $0["status"] as? String }
            #expect(statuses.contains("CONNECTED:HTTP-STREAMING"))
            #expect(!statuses.contains("CONNECTED:WS-STREAMING"))
        }
    }

    @Test("Bad stream options are usage errors")
    func badOptions() throws {
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["stream", "prices", "X", "--count", "0"]) }
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["stream", "prices", "X", "--tlcp", "3.0"]) }
    }
}
