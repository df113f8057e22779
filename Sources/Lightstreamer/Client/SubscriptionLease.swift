import Synchronization

/// The consumer side of a subscription, shared by its sequence and the iterators made from it (never by the client's
/// driver). When the last of them is gone, or a task waiting for an event is cancelled, the buffer is abandoned and
/// `release` (the client's unsubscribe) runs, once.
final class SubscriptionLease: Sendable {
    let buffer: SubscriptionBuffer
    private let release: Mutex<(@Sendable () -> Void)?>

    init(buffer: SubscriptionBuffer, release: @escaping @Sendable () -> Void) {
        self.buffer = buffer
        self.release = Mutex(release)
    }

    deinit {
        end()
    }

    /// The next event; `nil` once the subscription has ended, or when the calling task is cancelled (which ends the
    /// subscription).
    func next() async -> TLCPSubscriptionEvent? {
        if Task.isCancelled {
            end()
            return nil
        }
        return await withTaskCancellationHandler {
            await buffer.next()
        } onCancel: {
            self.end()
        }
    }

    /// Abandons the buffer and unsubscribes, the first time only.
    func end() {
        guard let release = release.withLock({ $0.take() }) else { return }
        buffer.abandon()
        release()
    }
}
