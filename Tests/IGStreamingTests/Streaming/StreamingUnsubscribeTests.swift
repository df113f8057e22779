import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Testing

/// The server's subscription count for the (only) session, polled until it equals `expected` or 20 s passed.
private func serverSubscriptions(_ simulator: IGSimulator, settlingOn expected: Int) async throws -> Int {
    var total = -1
    for _ in 0..<400 {
        total = await simulator.streamingSubscriptionCounts().values.reduce(0, +)
        if total == expected { return total }
        try await Task.sleep(for: .milliseconds(50))
    }
    return total
}

/// Trades every day, so live updates keep coming at any hour.
private let bitcoin: Epic = "CS.D.BITCOIN.TODAY.IP"

@Suite("Subscriptions end with their consumer", .timeLimit(.minutes(2)))
struct StreamingUnsubscribeTests {
    /// Subscribes to `epic`, reads one update, and drops the sequence and its iterator on return.
    private static func readOneUpdateAndDrop(_ streaming: IGStreamingClient, _ epic: Epic) async throws -> Bool {
        var iterator = try await streaming.prices([epic]).makeAsyncIterator()
        return try await nextUpdate(&iterator) != nil
    }

    @Test("Dropping a subscription's sequence and iterator deletes it on the server; the others keep streaming")
    func droppedConsumerUnsubscribes() async throws {
        try await withStreaming { environment in
            let kept = try await environment.streaming.prices([bitcoin])
            var keptIterator = kept.makeAsyncIterator()
            #expect(try await nextUpdate(&keptIterator) != nil)
            #expect(try await Self.readOneUpdateAndDrop(environment.streaming, eurusd))
            #expect(try await serverSubscriptions(environment.simulator, settlingOn: 1) == 1)
            // The session and the kept subscription are untouched.
            #expect(try await nextUpdate(&keptIterator)?.epic == bitcoin)
            #expect(try await nextUpdate(&keptIterator)?.epic == bitcoin)
            #expect(environment.streaming.statistics.sessionsEstablished == 1)
        }
    }

    @Test("Cancelling the task that iterates a subscription ends the iteration and deletes it on the server")
    func cancelledConsumerUnsubscribes() async throws {
        try await withStreaming { environment in
            let prices = try await environment.streaming.prices([eurusd, ftse])
            let (firstUpdate, signal) = AsyncStream.makeStream(of: Void.self)
            let simulator = environment.simulator
            let updates = try await withThrowingTaskGroup(of: Int.self) { group in
                group.addTask {
                    var updates = 0
                    for try await event in prices {
                        if case .update = event {
                            updates += 1
                            if updates == 1 { signal.yield() }
                        }
                    }
                    return updates  // the loop ends (nil) once the task is cancelled
                }
                for await _ in firstUpdate { break }
                #expect(try await serverSubscriptions(simulator, settlingOn: 1) == 1)
                group.cancelAll()
                return try await group.next() ?? 0
            }
            #expect(updates >= 1)
            #expect(try await serverSubscriptions(environment.simulator, settlingOn: 0) == 0)
            // Still connected: the session outlives the subscription.
            #expect(environment.streaming.status == .connected(.webSocket))
            _ = prices  // the sequence itself is still referenced here: cancellation alone ended it
        }
    }
}
