import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// The transport choice of `ig stream`.
enum StreamTransportChoice: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
    case auto, websocket, http

    var policy: TLCPSessionStateMachine.Configuration.TransportPolicy {
        switch self {
        case .auto: .webSocketWithHTTPFallback
        case .websocket: .webSocket
        case .http: .httpStreaming
        }
    }
}
