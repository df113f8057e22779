extension LightstreamerClient {
    /// How a ``LightstreamerClient`` connects.
    public struct Configuration: Sendable {
        /// The session behaviour: protocol version, transport policy, adapter set, timeouts, backoff. Credentials
        /// set here are ignored: they come from the client's parameters provider.
        public var session: TLCPSessionStateMachine.Configuration
        /// The largest WebSocket message accepted, in bytes.
        public var maximumMessageSize: Int = 16 * 1024 * 1024
        /// How long an HTTP `control.txt` request may take.
        public var controlRequestTimeout: Duration = .seconds(10)
        /// How long ``LightstreamerClient/shutdown()`` waits for the `destroy` request to go out and the connection
        /// to close before ``LightstreamerClient/run()`` returns anyway.
        public var shutdownGracePeriod: Duration = .seconds(1)

        /// Creates a configuration. `randomSeed` defaults to a random value (jitter differs between clients).
        public init(session: TLCPSessionStateMachine.Configuration? = nil) {
            var session = session ?? TLCPSessionStateMachine.Configuration()
            if session.randomSeed == 0 { session.randomSeed = UInt64.random(in: 1...UInt64.max) }
            self.session = session
        }

        /// The TLCP version announced (default 2.4.0, what IG accepts).
        public var protocolVersion: TLCPVersion {
            get { session.protocolVersion }
            set { session.protocolVersion = newValue }
        }

        /// The transport policy (default: WebSocket, falling back to HTTP streaming when WebSockets are refused).
        public var transport: TLCPSessionStateMachine.Configuration.TransportPolicy {
            get { session.transport }
            set { session.transport = newValue }
        }

        /// `LS_adapter_set` (`nil`: the server's `DEFAULT`).
        public var adapterSet: String? {
            get { session.adapterSet }
            set { session.adapterSet = newValue }
        }
    }
}
