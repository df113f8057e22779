import Foundation

/// What a connection serving a session must do next, set by faults, control requests or a newer binding.
enum BindingCommand: Sendable, Hashable {
    /// Close the connection abruptly (no `LOOP`, no `END`); the session stays for recovery.
    case drop
    /// Send nothing at all (not even `PROBE`) until the instant, or until told otherwise when nil.
    case stall(until: ContinuousClock.Instant?)
    /// Send `LOOP,0` and unbind.
    case loop
    /// Send `END,<code>,<message>` and discard the session.
    case end(code: Int, message: String)
    /// Another connection took the session over.
    case superseded
    /// The client's connection went away: unbind without touching the socket.
    case detach
}
