import Foundation
import Logging
import Synchronization

/// One rendered control request batch.
struct ControlPayload: Sendable {
    /// The HTTP query (HTTP transport only).
    var query: String?
    /// The WebSocket frame or HTTP body.
    var text: String
}
