import NIOCore

/// What the WebSocket driver needs of one connection: its channel, the client's address, the shared services and
/// a way to write a text frame.
struct WebSocketConnection: Sendable {
    let channel: any Channel
    let clientIP: String?
    let context: SimulatorContext
    let write: @Sendable (String) async throws -> Void
}
