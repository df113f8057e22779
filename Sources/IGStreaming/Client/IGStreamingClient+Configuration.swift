public import Foundation
public import Lightstreamer

extension IGStreamingClient {
    /// How an ``IGStreamingClient`` connects to IG's Lightstreamer server.
    public struct Configuration: Sendable {
        /// The Lightstreamer client's configuration (transport policy, timeouts, backoff). The protocol defaults to
        /// TLCP 2.4.0 (IG rejects 2.5.0) and the adapter set to `DEFAULT`.
        public var lightstreamer: LightstreamerClient.Configuration
        /// The server to use instead of the session's `lightstreamerEndpoint`.
        public var serverAddress: URL?

        /// Creates the default configuration.
        public init(
            protocolVersion: TLCPVersion = .v2_4_0,
            transport: TLCPSessionStateMachine.Configuration.TransportPolicy = .webSocketWithHTTPFallback,
            serverAddress: URL? = nil
        ) {
            var lightstreamer = LightstreamerClient.Configuration()
            lightstreamer.protocolVersion = protocolVersion
            lightstreamer.transport = transport
            lightstreamer.adapterSet = "DEFAULT"
            self.lightstreamer = lightstreamer
            self.serverAddress = serverAddress
        }
    }
}
