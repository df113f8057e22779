/// A stream-connection transport.
public enum TLCPTransportKind: Sendable, Hashable, CustomStringConvertible {
    /// One WebSocket (subprotocol `TLCP-<version>.lightstreamer.com`) for the stream and control requests.
    case webSocket
    /// `create_session.txt` / `bind_session.txt` streamed responses, control requests as `control.txt` POSTs.
    case httpStreaming

    /// A readable description (never contains a secret).
    public var description: String {
        switch self {
        case .webSocket: return "WS-STREAMING"
        case .httpStreaming: return "HTTP-STREAMING"
        }
    }
}
