import ServiceLifecycle

/// Runs beside the HTTP server and, on graceful shutdown, closes the connections that are not in the middle of an
/// exchange, so that none of them keeps the server from stopping.
struct ConnectionGuardService: Service {
    let registry: ConnectionRegistry

    func run() async throws {
        self.registry.reset()
        try? await gracefulShutdown()
        self.registry.shutdown()
    }
}
