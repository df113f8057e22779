public import Foundation

/// Which IG server an `IGClient` talks to.
public enum IGEnvironment: Sendable, Hashable, CustomStringConvertible {
    /// IG's DEMO environment, `https://demo-api.ig.com` (the default).
    case demo
    /// IG's LIVE environment, `https://api.ig.com`: real money. Needs ``IGClient/Configuration/liveTrading``
    /// set to ``LiveTrading/enabled``.
    case live
    /// Any IG-compatible server, such as the simulator: `http://127.0.0.1:8470`. A URL that already ends in
    /// `/gateway/deal` is used as it is.
    case custom(URL)

    /// The server root (scheme, host, port).
    public var serverURL: URL {
        switch self {
        case .demo: URL(string: "https://demo-api.ig.com")!
        case .live: URL(string: "https://api.ig.com")!
        case .custom(let url):
            url.path.hasSuffix("/gateway/deal")
                ? url.deletingLastPathComponent().deletingLastPathComponent() : url
        }
    }

    /// The base URL REST paths are relative to, ending in `/gateway/deal`.
    public var restBaseURL: URL {
        switch self {
        case .custom(let url) where url.path.hasSuffix("/gateway/deal"): url
        default: serverURL.appendingPathComponent("gateway").appendingPathComponent("deal")
        }
    }

    /// A readable description (never contains a secret).
    public var description: String {
        switch self {
        case .demo: "demo"
        case .live: "live"
        case .custom(let url): url.absoluteString
        }
    }
}

/// The explicit opt-in that LIVE (real-money) use requires.
public enum LiveTrading: Sendable, Hashable {
    /// LIVE is refused (the default).
    case disabled
    /// The caller accepts that requests go to IG's LIVE environment and deal with real money.
    case enabled
}

/// The IG session version used to log in.
public enum SessionVersion: Int, Sendable, Hashable, CaseIterable, Codable {
    /// CST / X-SECURITY-TOKEN session (v1 body).
    case v1 = 1
    /// CST / X-SECURITY-TOKEN session (v2 body, trading-ig's default).
    case v2 = 2
    /// OAuth session: short-lived bearer token + `IG-ACCOUNT-ID`, refreshed by the client.
    case v3 = 3
}

/// Whether the password is RSA-encrypted at login (v1/v2 only; v3 has no encrypted form).
public enum PasswordEncryption: Sendable, Hashable {
    /// Send the password as is.
    case never
    /// Always fetch IG's key and encrypt.
    case always
    /// Send it as is; when IG answers `encryption.required`, encrypt and try once more (the default).
    case automatic
}
