import Foundation
import Logging
import Synchronization

/// What the driver asks a connection task to do.
enum ConnectionCommand: Sendable {
    /// Send control requests: WebSocket frames, or HTTP `control.txt` bodies with their query.
    case send([ControlPayload])
    /// Close the connection and end the task.
    case close
}
