import Foundation
import IGModels
import Logging
import Synchronization

/// The request windows of every API key and account in the process, so that all clients on the same account share
/// one budget, as IG counts it.
final class RateLimiterRegistry: Sendable {
    static let shared = RateLimiterRegistry()

    private let windows = Mutex<[String: RequestWindow]>([:])
    private let historical = Mutex<[String: HistoricalAllowance]>([:])

    func window(_ key: String, limit: Int, length: Duration) -> RequestWindow {
        windows.withLock { windows in
            if let existing = windows[key] { return existing }
            let window = RequestWindow(name: key, limit: limit, window: length)
            windows[key] = window
            return window
        }
    }

    func historicalAllowance(for account: String) -> HistoricalAllowance? {
        historical.withLock { $0[account] }
    }

    func setHistoricalAllowance(_ allowance: HistoricalAllowance, for account: String) {
        historical.withLock { $0[account] = allowance }
    }
}
