import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

/// Why ``IGSimulator`` could not start.
public struct SimulatorLifecycleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// `start()` or `run()` was called while the simulator is already running.
    public static let alreadyRunning = SimulatorLifecycleError(description: "the simulator is already running")
    /// The server stopped before it accepted connections.
    public static let stoppedBeforeListening = SimulatorLifecycleError(
        description: "the simulator stopped before it was listening")
}
