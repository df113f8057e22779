import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

@Suite("Transport fallback", .timeLimit(.minutes(2)))
struct StreamingFallbackTests {
    @Test("With WebSocket refused by the server, the default transport falls back to HTTP streaming")
    func fallsBackToHTTPStreaming() async throws {
        try await withStreaming(
            simulator: { $0.streaming.acceptsWebSocket = false },
            transport: IGStreamingClient.Configuration().lightstreamer.transport
        ) { environment in
            let statuses = environment.streaming.statusUpdates
            let prices = try await environment.streaming.prices([eurusd])
            var iterator = prices.makeAsyncIterator()
            let first = try #require(try await nextUpdate(&iterator))
            #expect(first.epic == eurusd)
            #expect(first.bid != nil)
            #expect(try await nextUpdate(&iterator) != nil)
            #expect(environment.streaming.status == .connected(.httpStreaming))
            var seen: [TLCPConnectionStatus] = []
            for await status in statuses {
                seen.append(status)
                if status == .connected(.httpStreaming) { break }
            }
            #expect(seen.contains(.connected(.httpStreaming)))
            #expect(!seen.contains(.connected(.webSocket)))
            #expect(environment.streaming.statistics.connectionsOpened >= 2, "a refused WebSocket, then HTTP")
        }
    }
}
