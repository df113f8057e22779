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

    /// True for IG's LIVE servers: ``live``, and a ``custom(_:)`` URL on `api.ig.com` (which would otherwise reach
    /// real money without the opt-in).
    public var isLive: Bool {
        switch self {
        case .live: true
        case .demo: false
        case .custom(let url):
            url.host?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) == "api.ig.com"
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
