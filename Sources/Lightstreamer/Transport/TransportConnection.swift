import Foundation
import Logging

/// One stream connection (WebSocket or HTTP streaming), run as a child task of the client's driver. It reports to
/// the driver's inbox (`opened`, parsed notifications, `closed` or `failed`) and executes the commands of its
/// outbox (send control requests, close).
struct TransportConnection: Sendable {
    let id: TLCPConnectionID
    /// The server's base address (`http(s)://host[:port][/path]`).
    let address: URL
    /// The `create_session` or `bind_session` request that opens the stream.
    let request: TLCPRequest
    let version: TLCPVersion
    let outbox: AsyncStream<ConnectionCommand>
    let inbox: AsyncStream<DriverInput>.Continuation
    let configuration: LightstreamerClient.Configuration
    let logger: Logger

    /// The URL of `/lightstreamer/<path>` under the base address, with the scheme mapped for WebSockets if asked.
    func endpoint(_ path: String, query: String? = nil, webSocket: Bool = false) -> String {
        var base = address.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        if webSocket {
            if base.hasPrefix("https://") {
                base = "wss://" + base.dropFirst("https://".count)
            } else if base.hasPrefix("http://") {
                base = "ws://" + base.dropFirst("http://".count)
            }
        }
        var text = base + path
        if let query { text += "?" + query }
        return text
    }

    /// The logger handed to the WebSocket and HTTP libraries: never below `debug`, because their `trace` output
    /// includes frame payloads, and `create_session` carries the password.
    var transportLogger: Logger {
        var logger = logger
        if logger.logLevel < .debug { logger.logLevel = .debug }
        return logger
    }

    /// Parses the lines of a chunk or frame and hands them to the driver in one batch.
    func deliver(lines: [Substring]) {
        guard !lines.isEmpty else { return }
        inbox.yield(.notifications(id, lines.map { TLCPNotification(line: $0) }))
    }
}
