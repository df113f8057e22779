import Foundation
import Synchronization

/// The request windows of every API key and account in the process, so that all clients on the same account share
/// one budget, as IG counts it.
///
/// A window is found by server, API key or account, and length: clients that judge by windows of different lengths
/// never share one. It holds only the requests sent; each client brings its own allowance (see ``RequestWindow``).
final class RateLimiterRegistry: Sendable {
    static let shared = RateLimiterRegistry()

    private let windows = Mutex<[String: RequestWindow]>([:])

    func window(_ key: String, length: Duration) -> RequestWindow {
        let name = "\(key) per \(length)"
        return windows.withLock { windows in
            if let existing = windows[name] { return existing }
            let window = RequestWindow(name: name, window: length)
            windows[name] = window
            return window
        }
    }
}
