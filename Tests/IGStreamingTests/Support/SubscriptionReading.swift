import IGStreaming
import Lightstreamer
import Testing

/// Reads events until `predicate` accepts one; returns the events read (the accepted one last).
@discardableResult
func read<Update>(
    _ iterator: inout IGStreamingSubscription<Update>.AsyncIterator,
    until predicate: (IGStreamingEvent<Update>) -> Bool
) async throws -> [IGStreamingEvent<Update>] {
    var events: [IGStreamingEvent<Update>] = []
    while let event = try await iterator.next() {
        events.append(event)
        if predicate(event) { return events }
    }
    Issue.record("the subscription ended before the expected event")
    return events
}

/// The next typed update.
func nextUpdate<Update>(_ iterator: inout IGStreamingSubscription<Update>.AsyncIterator) async throws -> Update? {
    let events = try await read(&iterator) { if case .update = $0 { true } else { false } }
    if case .update(let update)? = events.last { return update }
    return nil
}

/// Waits until the status satisfies `predicate`.
func waitForStatus(_ streaming: IGStreamingClient, _ predicate: (TLCPConnectionStatus) -> Bool) async {
    for await status in streaming.statusUpdates where predicate(status) { return }
}
