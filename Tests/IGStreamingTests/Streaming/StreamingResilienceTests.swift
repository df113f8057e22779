import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

@Suite("Streaming resilience against injected faults", .timeLimit(.minutes(2)))
struct StreamingResilienceTests {
    @Test("A dropped connection is recovered in the same session; updates continue")
    func dropRecovered() async throws {
        try await withStreaming { environment in
            var iterator = try await environment.streaming.prices([eurusd]).makeAsyncIterator()
            _ = try await nextUpdate(&iterator)
            #expect(await environment.simulator.injectStreamingFault(.drop) == 1)
            var events: [IGStreamingEvent<IGPriceUpdate>] = []
            while environment.streaming.statistics.recoveries == 0
                || environment.streaming.status != .connected(.webSocket)
            {
                events += try await read(&iterator) { if case .update = $0 { true } else { false } }
            }
            events += try await read(&iterator) { if case .update = $0 { true } else { false } }
            let statistics = environment.streaming.statistics
            #expect(statistics.sessionsEstablished == 1)
            #expect(!events.contains { $0.isSessionReplacedGap })
        }
    }

    @Test("A stalled connection is abandoned and recovered")
    func stallRecovered() async throws {
        try await withStreaming { environment in
            var iterator = try await environment.streaming.prices([eurusd]).makeAsyncIterator()
            _ = try await nextUpdate(&iterator)
            await environment.simulator.injectStreamingFault(.stall(nil))
            await waitForStatus(environment.streaming) { $0 == .stalled }
            await environment.simulator.resumeStreaming()
            await waitForStatus(environment.streaming) { $0 == .connected(.webSocket) }
            _ = try await nextUpdate(&iterator)
        }
    }

    @Test("LOOP rebinds the session: subscriptions untouched, no gap")
    func loopRebinds() async throws {
        try await withStreaming { environment in
            var iterator = try await environment.streaming.prices([eurusd, ftse]).makeAsyncIterator()
            _ = try await nextUpdate(&iterator)
            await environment.simulator.injectStreamingFault(.loop)
            var events: [IGStreamingEvent<IGPriceUpdate>] = []
            while environment.streaming.statistics.rebinds == 0 {
                events += try await read(&iterator) { if case .update = $0 { true } else { false } }
            }
            events += try await read(&iterator) { if case .update = $0 { true } else { false } }
            #expect(environment.streaming.statistics.sessionsEstablished == 1)
            #expect(!events.contains { $0.isSessionReplacedGap })
        }
    }

    @Test("END,48 (maximum session duration): a new session, a gap, subscriptions restored from a fresh snapshot")
    func endCreatesNewSession() async throws {
        try await withStreaming(transport: .webSocketWithHTTPFallback) { environment in
            var iterator = try await environment.streaming.prices([eurusd]).makeAsyncIterator()
            _ = try await nextUpdate(&iterator)
            await environment.simulator.injectStreamingFault(.end(code: 48))
            try await read(&iterator) { $0.isSessionReplacedGap }
            try await read(&iterator) { if case .subscribed = $0 { true } else { false } }
            let snapshot = try #require(try await nextUpdate(&iterator))
            #expect(snapshot.isSnapshot)
            #expect(snapshot.bid != nil)
            #expect(environment.streaming.statistics.sessionsEstablished == 2)
        }
    }

    @Test("Invalidated tokens: the next session is created with fresh ones (a new REST login)")
    func tokensRefreshed() async throws {
        try await withStreaming { environment in
            var iterator = try await environment.streaming.prices([eurusd]).makeAsyncIterator()
            _ = try await nextUpdate(&iterator)
            let loginsBefore = await environment.client.session.statistics.logins
            await environment.simulator.invalidateAllSessions()
            await environment.simulator.injectStreamingFault(.end(code: 48))
            try await read(&iterator) { $0.isSessionReplacedGap }
            let snapshot = try #require(try await nextUpdate(&iterator))
            #expect(snapshot.isSnapshot)
            #expect(await environment.client.session.statistics.logins > loginsBefore)
            #expect(environment.streaming.statistics.sessionsEstablished == 2)
        }
    }
}
