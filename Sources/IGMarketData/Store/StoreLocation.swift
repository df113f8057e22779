public import Foundation

/// Where a market-data store lives: an SQLite file (the default) or a PostgreSQL database.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    /// An SQLite file; created with the schema when missing.
    case sqlite(path: String)
    /// A PostgreSQL database, `postgres://user[:password]@host[:port]/database`.
    case postgres(PostgresURL)

    /// The default SQLite file: `$XDG_DATA_HOME/swift-ig/market-data.sqlite`, else
    /// `~/.local/share/swift-ig/market-data.sqlite`.
    public static func defaultSQLite(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> StoreLocation {
        let base: String
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            base = data
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = home + "/.local/share"
        }
        return .sqlite(path: base + "/swift-ig/market-data.sqlite")
    }

    /// A path (`~` expanded) or a `postgres://` / `postgresql://` URL.
    public init(parsing text: String) throws(StoreError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw StoreError(
                .invalidLocation, "The store location is empty.",
                hint: "Give a file path (e.g. ~/prices.sqlite) or a URL such as postgres://user@127.0.0.1:5432/ig.")
        }
        let lowercased = trimmed.lowercased()
        if let scheme = ["postgres://", "postgresql://"].first(where: { lowercased.hasPrefix($0) }) {
            // A scheme's letter case carries no meaning (RFC 3986).
            self = .postgres(try PostgresURL(parsing: scheme + trimmed.dropFirst(scheme.count)))
        } else if lowercased.hasPrefix("postgres:") || lowercased.hasPrefix("postgresql:") {
            // Taken as a path, a mistyped URL became a local SQLite file in a folder named after the password.
            throw StoreError(
                .invalidLocation,
                "'\(PostgresURL.redacted(trimmed))' is not a PostgreSQL URL: it lacks the // after the scheme.",
                hint: PostgresURL.hint)
        } else if trimmed.contains("://") {
            throw StoreError(
                .invalidLocation, "'\(PostgresURL.redacted(trimmed))' is a URL of an unsupported kind.",
                hint: "Use a file path for SQLite or a postgres:// URL for PostgreSQL.")
        } else if trimmed == "~" || trimmed.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
            self = .sqlite(path: home + trimmed.dropFirst())
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// The location without any password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): url.description
        }
    }
}

/// The parts of a `postgres://` URL.
public struct PostgresURL: Sendable, Hashable, CustomStringConvertible {
    /// The server host.
    public var host: String
    /// The server port (5432 by default).
    public var port: Int
    /// The database user.
    public var user: String
    /// The password, when the URL has one (never shown in `description`).
    public var password: String?
    /// The database name.
    public var database: String
    /// How long one store operation (a transaction) may wait for the server before the connection is given up and
    /// the operation fails with ``StoreError/Code/connection`` (URL parameter `query_timeout`, in seconds; 30 by
    /// default). A commit of many bars gets one more second per 10,000 bars.
    public var queryTimeout: Duration = .seconds(30)
    /// Whether and how the connection is encrypted (URL parameter `sslmode`; `prefer` by default, as libpq).
    public var tlsMode: PostgresTLSMode = .prefer
    /// A PEM file of the certificate authorities to trust instead of the system's (URL parameter `sslrootcert`).
    public var rootCertificatePath: String?

    /// A URL from its parts.
    public init(
        host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
        queryTimeout: Duration = .seconds(30), tlsMode: PostgresTLSMode = .prefer, rootCertificatePath: String? = nil
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.queryTimeout = queryTimeout
        self.tlsMode = tlsMode
        self.rootCertificatePath = rootCertificatePath
    }

    /// The URL parameters a store understands.
    static let parameters =
        "query_timeout=SECONDS, sslmode=disable|prefer|require|verify-ca|verify-full and sslrootcert=PATH"

    /// Parses `postgres://user[:password]@host[:port]/database[?query_timeout=SECONDS&sslmode=MODE&sslrootcert=PATH]`.
    public init(parsing text: String) throws(StoreError) {
        let hint = Self.hint
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            throw StoreError(.invalidLocation, "'\(Self.redacted(text))' is not a usable PostgreSQL URL.", hint: hint)
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard let user = components.user, !user.isEmpty, !database.isEmpty, !database.contains("/") else {
            throw StoreError(
                .invalidLocation, "'\(Self.redacted(text))' lacks a user or a database name.", hint: hint)
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw StoreError(.invalidLocation, "Port \(port) is out of range.", hint: hint)
        }
        var timeout = Duration.seconds(30)
        var tlsMode = PostgresTLSMode.prefer
        var rootCertificatePath: String?
        var seen: Set<String> = []
        for item in components.queryItems ?? [] {
            guard seen.insert(item.name).inserted else {
                throw StoreError(
                    .invalidLocation, "The parameter '\(item.name)' is given twice in the PostgreSQL URL.",
                    hint: "Give each of \(Self.parameters) at most once.")
            }
            switch item.name {
            case "query_timeout":
                guard let text = item.value, let seconds = Double(text), seconds.isFinite, seconds > 0,
                    seconds <= 86_400
                else {
                    throw StoreError(
                        .invalidLocation, "query_timeout must be a number of seconds between 0 and 86400.",
                        hint: "Write it as ?query_timeout=30.")
                }
                timeout = .milliseconds(Int64((seconds * 1000).rounded(.up)))
            case "sslmode":
                guard let mode = item.value.flatMap({ PostgresTLSMode(rawValue: $0.lowercased()) }) else {
                    throw StoreError(
                        .invalidLocation, "sslmode '\(item.value ?? "")' is not one the store knows.",
                        hint: "Write sslmode=disable, prefer, require, verify-ca or verify-full (libpq's names).")
                }
                tlsMode = mode
            case "sslrootcert":
                guard let path = item.value, !path.isEmpty else {
                    throw StoreError(
                        .invalidLocation, "sslrootcert needs the path of a PEM file.",
                        hint: "Write it as ?sslmode=verify-full&sslrootcert=/path/to/root.crt.")
                }
                rootCertificatePath = path
            default:
                throw StoreError(
                    .invalidLocation, "Unknown parameter '\(item.name)' in the PostgreSQL URL.",
                    hint: "The parameters are \(Self.parameters), e.g. ?sslmode=require.")
            }
        }
        self.init(
            host: host, port: port, user: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database,
            queryTimeout: timeout, tlsMode: tlsMode, rootCertificatePath: rootCertificatePath)
    }

    /// `postgres://user@host:port/database`, never the password.
    public var description: String {
        "postgres://\(user)\(password == nil ? "" : ":***")@\(host):\(port)/\(database)"
    }

    /// How a PostgreSQL URL is written.
    static let hint =
        "Write it as postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, e.g. postgres://ig@127.0.0.1:5432/ig."

    /// `text` with what stands between the last `:` before its first `@` and that `@` (a URL's password, however
    /// malformed the rest) replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let at = text.firstIndex(of: "@") else { return text }
        let authority = text.range(of: "://").map { $0.upperBound } ?? text.startIndex
        guard authority <= at, let colon = text[authority..<at].lastIndex(of: ":") else { return text }
        return String(text[...colon]) + "***" + String(text[at...])
    }
}
