/// A version of Lightstreamer's TLCP wire protocol.
///
/// The generic TLCP client (parser, session state machine, transports) lands in this module; IG's Lightstreamer
/// servers speak 2.4.0 and reject 2.5.0 with `CONERR,65`.
public struct TLCPVersion: Sendable, Hashable, CustomStringConvertible {
    /// The major version.
    public var major: Int
    /// The minor version.
    public var minor: Int
    /// The patch version.
    public var patch: Int

    /// Creates a version.
    public init(_ major: Int, _ minor: Int, _ patch: Int) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// TLCP 2.4.0, what IG's servers accept (the default).
    public static let v2_4_0 = TLCPVersion(2, 4, 0)
    /// TLCP 2.5.0.
    public static let v2_5_0 = TLCPVersion(2, 5, 0)

    /// A readable description (never contains a secret).
    public var description: String { "\(major).\(minor).\(patch)" }

    /// The WebSocket subprotocol that selects this version, e.g. `TLCP-2.4.0.lightstreamer.com`.
    public var webSocketProtocol: String { "TLCP-\(description).lightstreamer.com" }
}
