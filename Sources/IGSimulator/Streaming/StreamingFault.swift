/// A fault the Lightstreamer server can inject into live sessions.
public enum StreamingFault: Sendable, Hashable {
    /// Close the connection abruptly, without `LOOP` or `END`; the session stays recoverable.
    case drop
    /// Send nothing (not even `PROBE`) for the duration, or until ``IGSimulator/resumeStreaming()`` when nil.
    case stall(Duration?)
    /// Send `LOOP,0`: the client must rebind.
    case loop
    /// Send `END,<code>` and discard the session (48: maximum duration, 41/40/35/32/31… as in TLCP).
    case end(code: Int)

    /// The faults a random injection chooses from.
    static let randomChoices: [StreamingFault] = [.drop, .stall(.seconds(3)), .loop, .end(code: 48), .end(code: 41)]
}
