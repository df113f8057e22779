import Foundation
public import IGTrading

extension IGEnvironment {
    /// The name the store files the embedded simulator's series under, whatever port it listens on that run.
    public static let simulatorStoreName = "SIMULATOR"

    /// The name the market-data store files this environment's series under: `DEMO`, `LIVE`, or the server URL as
    /// ``storeName(ofServer:)`` writes it.
    public var storeName: String {
        switch self {
        case .demo: "DEMO"
        case .live: "LIVE"
        case .custom: Self.storeName(ofServer: serverURL)
        }
    }

    /// The store name of a server: its URL with the scheme and host in lower case, without user information and
    /// without a trailing `/`, so that `http://Host:8470/` and `http://host:8470` file their bars under one
    /// environment (they used to be two, and a bar stored under one was paid for again under the other).
    public static func storeName(ofServer url: URL) -> String {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        guard let separator = text.range(of: "://") else { return text }
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? text.endIndex
        var authority = text[separator.upperBound..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        return text[..<separator.lowerBound].lowercased() + "://" + authority.lowercased() + text[authorityEnd...]
    }

    /// The store name of an environment as a person typed it: `demo`, `live` and `simulator` (or `sim`) in any case
    /// are `DEMO`, `LIVE` and `SIMULATOR`, a URL is written as ``storeName(ofServer:)`` writes it, and anything else
    /// is kept as typed.
    public static func storeName(typed text: String) -> String {
        switch text.lowercased() {
        case "demo": return "DEMO"
        case "live": return "LIVE"
        case "simulator", "sim": return simulatorStoreName
        default:
            guard text.contains("://"), let url = URL(string: text) else { return text }
            return storeName(ofServer: url)
        }
    }
}
