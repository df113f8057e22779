import Foundation
import IGStreaming
import IGTrading
import Lightstreamer

/// Runs one `ig stream` subscription: connects, prints updates and status, stops on Ctrl-C, `--duration` or
/// `--count`, and shuts the Lightstreamer session down.
struct StreamRunner {
    let connection: ConnectionOptions
    let options: StreamOptions

    func run<Update: StreamRow>(
        _ subscribe: @escaping @Sendable (IGStreamingClient) async throws -> IGStreamingSubscription<Update>
    ) async throws {
        let options = self.options
        let logger = connection.logger(label: "ig.stream")
        try await connection.withClient { client in
            let streaming = IGStreamingClient(
                client: client, configuration: options.streamingConfiguration, logger: logger)
            let subscription = try await subscribe(streaming)
            let view = StreamView(format: options.format)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    try await streaming.run()
                }
                group.addTask {
                    for await status in streaming.statusUpdates { view.show(status: status) }
                    try await Task.sleep(for: .seconds(86_400 * 365))  // never the first to finish
                }
                group.addTask {
                    var updates = 0
                    for try await event in subscription {
                        switch event {
                        case .update(let update):
                            view.show(update)
                            updates += 1
                            if let count = options.count, updates >= count { return }
                        case .gap(let gap, let item):
                            view.show(gap: gap, item: item)
                        case .subscribed:
                            break
                        }
                    }
                }
                if let duration = options.duration {
                    group.addTask { try await Task.sleep(for: .milliseconds(Int64(duration * 1000))) }
                }
                group.addTask { await Self.interrupted() }
                try await group.next()
                streaming.shutdown()
                group.cancelAll()
            }
        }
    }

    /// Returns at the first SIGINT (Ctrl-C) or SIGTERM (how service managers stop a process), or when cancelled;
    /// the default actions come back once no caller in the process waits any more (``InterruptSignal``).
    static func interrupted() async {
        await InterruptSignal.wait()
    }

    /// Runs `work` until it ends, or until ``interrupted()``: then `work`'s task is cancelled and what it returns
    /// (or throws) once it has wound down is the result.
    static func untilInterrupted<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        let watcher = Task {
            await interrupted()
            task.cancel()
        }
        defer { watcher.cancel() }
        return try await withTaskCancellationHandler {
            try await task.value
        } onCancel: {
            task.cancel()
        }
    }
}
