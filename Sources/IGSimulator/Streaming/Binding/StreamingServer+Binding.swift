import Foundation

// Binding a session to a connection: what a binding writes first, how it ends, and the clean-up afterwards. The
// writing itself is ``BindingPump``'s.

extension StreamingServer {
    /// How a binding ended.
    enum BindingOutcome: Sendable, Hashable {
        /// `LOOP` sent: the session is unbound and waits for a rebind.
        case loop
        /// `END` sent: the session is gone.
        case ended
        /// The connection was dropped (fault or write failure); the session waits for recovery.
        case dropped
        /// Another connection took the session over.
        case superseded
        /// The client went away; the session waits for recovery.
        case detached
    }

    /// What a binding writes before anything else and how it ends.
    struct BindingOptions: Sendable {
        /// `CONOK` and its companions, `PROG` on recovery.
        var preamble: [String]
        /// HTTP byte budget, nil on WebSocket.
        var contentLength: Int?
        /// Polling: write what is pending, then `LOOP,0`.
        var polling = false
    }

    /// Binds `session` to a connection, writes until the binding ends and cleans the session up accordingly.
    func serve(
        _ session: StreamSession, binding: (id: Int, wake: AsyncStream<Void>, waker: AsyncStream<Void>.Continuation),
        options: BindingOptions, context: SimulatorContext, write: (String) async throws -> Void
    ) async -> BindingOutcome {
        let pump = BindingPump(server: self, session: session, context: context)
        let outcome = await pump.run(binding: binding, options: options, write: write)
        switch outcome {
        case .ended: self.removeSession(session)
        case .loop, .dropped, .detached: session.unbind(binding.id)
        case .superseded: break
        }
        return outcome
    }
}
