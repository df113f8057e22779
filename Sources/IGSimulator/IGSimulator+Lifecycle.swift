import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle
import UnixSignals

extension IGSimulator {
    /// Starts listening and returns the base URL (`http://HOST:PORT`, with the real port when configured with 0)
    /// once connections are accepted. The server runs in a task owned by the simulator until ``shutdown()``.
    public func start() async throws -> URL {
        let (events, continuation) = AsyncStream.makeStream(of: Result<URL, any Error>.self)
        let group = self.makeServiceGroup(handlingSignals: false) { url in
            continuation.yield(.success(url))
        }
        try self.withLifecycle { lifecycle in
            guard lifecycle.serviceGroup == nil else { throw SimulatorLifecycleError.alreadyRunning }
            lifecycle.serviceGroup = group
        }
        let task = Task {
            defer { continuation.finish() }
            do {
                try await group.run()
                continuation.yield(.failure(SimulatorLifecycleError.stoppedBeforeListening))
            } catch {
                continuation.yield(.failure(error))
                throw error
            }
        }
        self.withLifecycle { $0.task = task }
        for await event in events {
            switch event {
            case .success(let url):
                return url
            case .failure(let error):
                self.withLifecycle { $0 = Lifecycle() }
                self.setListening(nil)
                throw error
            }
        }
        throw SimulatorLifecycleError.stoppedBeforeListening
    }

    /// Stops a simulator started with ``start()``: stops accepting, finishes in-flight requests and waits for
    /// the server task to end. Does nothing when not started.
    public func shutdown() async throws {
        let (group, task) = self.withLifecycle { lifecycle in
            defer { lifecycle = Lifecycle() }
            return (lifecycle.serviceGroup, lifecycle.task)
        }
        guard let group else { return }
        await group.triggerGracefulShutdown()
        _ = await task?.result
        self.setListening(nil)
    }

    /// Runs the server in the current task until it is cancelled (or, with `handlingSignals`, until SIGINT or
    /// SIGTERM asks for a graceful shutdown). Calls `onListening` with the base URL once connections are accepted.
    public func run(handlingSignals: Bool = false, onListening: @escaping @Sendable (URL) -> Void) async throws {
        let group = self.makeServiceGroup(handlingSignals: handlingSignals, onListening: onListening)
        try self.withLifecycle { lifecycle in
            guard lifecycle.serviceGroup == nil else { throw SimulatorLifecycleError.alreadyRunning }
            lifecycle.serviceGroup = group
        }
        defer {
            self.withLifecycle { $0 = Lifecycle() }
            self.setListening(nil)
        }
        try await group.run()
    }

    private func makeServiceGroup(
        handlingSignals: Bool, onListening: @escaping @Sendable (URL) -> Void
    )
        -> ServiceGroup
    {
        var logger = Logger(label: "ig-simulator")
        // Quiet by default (stdout carries the "listening" line); IG_SIM_LOG_LEVEL=debug etc. for troubleshooting.
        logger.logLevel =
            ProcessInfo.processInfo.environment["IG_SIM_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) }
            ?? .critical
        let configuration = self.configuration
        let core = self.core
        let limits = configuration.connections
        let registry = core.context.connections
        let channelConfiguration = HTTP1WebSocketUpgradeChannel.Configuration(
            http1: HTTP1Channel.Configuration(
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: limits.maximumHeaderSize, maxHeaderListSize: limits.maximumHeaderSize)),
            ws: .init(maxFrameSize: 1 << 22, autoPing: .disabled))
        let server = HTTPServerBuilder { responder in
            GuardedChannel(
                inner: HTTP1WebSocketUpgradeChannel(
                    responder: responder, configuration: channelConfiguration
                ) { request, channel, _ in
                    core.context.streaming.shouldUpgrade(request, channel: channel, context: core.context)
                },
                limits: limits, registry: registry)
        }
        let application = Application(
            responder: SimulatorResponder(core: core),
            server: server,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: nil
            ),
            onServerRunning: { [weak self] channel in
                let port = channel.localAddress?.port ?? configuration.port
                let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
                guard let url = URL(string: "http://\(host):\(port)") else { return }
                self?.setListening(url)
                onListening(url)
            },
            logger: logger
        )
        return ServiceGroup(
            // Shut down in reverse order: idle connections close, then streams end, then the server stops.
            services: [
                application, StreamingService(server: core.context.streaming, context: core.context),
                ConnectionGuardService(registry: registry),
            ],
            gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [],
            logger: logger
        )
    }
}
