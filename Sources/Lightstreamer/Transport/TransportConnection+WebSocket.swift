import HTTPTypes
import Logging
import WSClient

extension TransportConnection {
    /// Runs a WebSocket stream connection: `wsok`, then the session request, then notifications until closed.
    func runWebSocket() async {
        var headers = HTTPFields()
        headers[HTTPField.Name("Sec-WebSocket-Protocol")!] = version.webSocketProtocol
        let wsConfiguration = WebSocketClientConfiguration(
            maxFrameSize: configuration.maximumMessageSize, additionalHeaders: headers)
        let url = endpoint("/lightstreamer", webSocket: true)
        let request = self.request
        let maximumMessageSize = configuration.maximumMessageSize
        do {
            try await WebSocketClient.connect(url: url, configuration: wsConfiguration, logger: transportLogger) {
                inbound, outbound, _ in
                try await outbound.write(.text(TLCPRequest.webSocketOK.webSocketFrame))
                try await outbound.write(.text(request.webSocketFrame))
                inbox.yield(.opened(id))
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        // Writer: control requests until asked to close.
                        for await command in outbox {
                            switch command {
                            case .send(let payloads):
                                for payload in payloads { try await outbound.write(.text(payload.text)) }
                            case .close:
                                return  // ending the handler closes the WebSocket
                            }
                        }
                    }
                    group.addTask {
                        // Reader: every text message is one or more CRLF-separated lines.
                        for try await message in inbound.messages(maxSize: maximumMessageSize) {
                            guard case .text(let text) = message else { continue }
                            deliver(lines: TLCPLineFramer.lines(inFrame: text))
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
            inbox.yield(.closed(id))
        } catch is CancellationError {
            inbox.yield(.closed(id))
        } catch {
            inbox.yield(.failed(id, "WebSocket: \(error)"))
        }
    }
}
