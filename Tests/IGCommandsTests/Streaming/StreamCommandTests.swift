import Foundation
import IGSimulatorTesting
import Testing

@Suite("ig stream", .timeLimit(.minutes(2)))
struct StreamCommandTests {
    @Test(
        "ig stream prices --count 3 --format ndjson prints three price objects (and status lines)",
        .enabled(if: igExecutable != nil, "the ig executable is not built"))
    func pricesNDJSON() async throws {
        let executable = try #require(igExecutable)
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("ig-stream-\(UUID()).out").path
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        let process = try ChildProcess(
            executable: executable.path,
            arguments: [
                "stream", "prices", "CS.D.EURUSD.TODAY.IP", "IX.D.FTSE.DAILY.IP", "--count", "3", "--format", "ndjson",
            ],
            standardOutput: outputPath)
        #expect(try await process.exit() == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        let objects = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
        #expect(objects.count == lines.count, "every line is a JSON object")
        let prices = objects.filter { $0["type"] as? String == "price" }
        #expect(prices.count == 3)
        #expect(prices.allSatisfy { $0["bid"] is NSNumber && $0["epic"] is String })
        // WebSockets by default, or HTTP streaming where a loaded machine did not open one within the client's 4-s
        // connect timeout (the client then falls back, as IG's own clients do).
        #expect(
            objects.contains {
                $0["type"] as? String == "status"
                    && ["CONNECTED:WS-STREAMING", "CONNECTED:HTTP-STREAMING"].contains($0["status"] as? String)
            })
    }
}
