public import Foundation
public import IGModels

/// What IG needs to log in: identifier, password and API key, plus optional account details.
///
/// The `description` never shows the password or API key, so credentials can be printed or logged safely.
public struct IGCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The IG username.
    public var identifier: String
    /// The IG password (never printed).
    public var password: String
    /// The application API key (never printed).
    public var apiKey: String
    /// The environment these credentials belong to, when known (`IG_SERVICE_ACC_TYPE`).
    public var environment: IGEnvironment?
    /// The account to use, when known (`IG_SERVICE_ACC_NUMBER`).
    public var accountId: AccountId?

    /// Creates credentials; `environment` and `accountId` override the configuration's when given.
    public init(
        identifier: String, password: String, apiKey: String, environment: IGEnvironment? = nil,
        accountId: AccountId? = nil
    ) {
        self.identifier = identifier
        self.password = password
        self.apiKey = apiKey
        self.environment = environment
        self.accountId = accountId
    }

    /// A readable description (never contains a secret).
    public var description: String {
        var text = "IGCredentials(identifier: \(identifier), password: <redacted>, apiKey: <redacted>"
        if let environment { text += ", environment: \(environment)" }
        if let accountId { text += ", accountId: \(accountId)" }
        return text + ")"
    }

    /// The same redacted text as `description`.
    public var debugDescription: String { description }
}

extension IGCredentials {
    /// Reads the variables trading-ig users already have: `IG_SERVICE_USERNAME`, `IG_SERVICE_PASSWORD`,
    /// `IG_SERVICE_API_KEY`, and optionally `IG_SERVICE_ACC_TYPE` (`DEMO`/`LIVE`) and `IG_SERVICE_ACC_NUMBER`.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(IGError) -> IGCredentials {
        let names = ["IG_SERVICE_USERNAME", "IG_SERVICE_PASSWORD", "IG_SERVICE_API_KEY"]
        let missing = names.filter { (environment[$0] ?? "").isEmpty }
        guard missing.isEmpty else {
            throw IGError(
                code: .missingCredentials, operation: "read credentials",
                detail: "missing \(missing.joined(separator: ", "))",
                hint: "Set IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY (as for trading-ig), "
                    + "or use a profile file.")
        }
        let type = try environment["IG_SERVICE_ACC_TYPE"].flatMap { value throws(IGError) in
            try parseEnvironment(value)
        }
        return IGCredentials(
            identifier: environment["IG_SERVICE_USERNAME"]!, password: environment["IG_SERVICE_PASSWORD"]!,
            apiKey: environment["IG_SERVICE_API_KEY"]!, environment: type,
            accountId: environment["IG_SERVICE_ACC_NUMBER"].flatMap { $0.isEmpty ? nil : AccountId(rawValue: $0) })
    }

    /// The default profile file: `$IG_PROFILE_FILE`, else `~/.config/swift-ig/profiles.json`.
    public static func defaultProfileFile(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let path = environment["IG_PROFILE_FILE"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let home =
            environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".config/swift-ig/profiles.json")
    }

    /// Reads a named profile from a JSON file shaped like
    /// `{"profiles": {"demo": {"identifier": "…", "password": "…", "apiKey": "…", "environment": "demo",
    /// "accountId": "…"}}}`. `environment` is `demo`, `live` or a URL.
    public static func fromProfile(named name: String, file: URL? = nil) throws(IGError) -> IGCredentials {
        let url = file ?? defaultProfileFile()
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IGError(
                code: .missingCredentials, operation: "read profile", detail: "cannot read \(url.path)",
                hint: "Create \(url.path) or point IG_PROFILE_FILE at your profile file.", underlying: error)
        }
        let file: ProfileFile
        do {
            file = try JSONDecoder().decode(ProfileFile.self, from: data)
        } catch {
            throw IGError(
                code: .decoding, operation: "read profile", detail: "\(url.path) is not a valid profile file",
                hint: #"Expected {"profiles": {"NAME": {"identifier": …, "password": …, "apiKey": …}}}."#,
                underlying: error)
        }
        guard let profile = file.profiles[name] else {
            throw IGError(
                code: .missingCredentials, operation: "read profile",
                detail: "no profile named '\(name)' in \(url.path)",
                hint: "Known profiles: \(file.profiles.keys.sorted().joined(separator: ", ")).")
        }
        return IGCredentials(
            identifier: profile.identifier, password: profile.password, apiKey: profile.apiKey,
            environment: try profile.environment.map { value throws(IGError) in try parseEnvironment(value) },
            accountId: profile.accountId.map { AccountId(rawValue: $0) })
    }

    static func parseEnvironment(_ value: String) throws(IGError) -> IGEnvironment {
        switch value.lowercased() {
        case "demo": return .demo
        case "live": return .live
        default:
            guard let url = URL(string: value), url.scheme != nil else {
                throw IGError(
                    code: .invalidConfiguration, operation: "read credentials",
                    detail: "unknown account type '\(value)'", hint: "Use DEMO, LIVE or a server URL.")
            }
            return .custom(url)
        }
    }

    private struct ProfileFile: Decodable {
        struct Profile: Decodable {
            var identifier: String
            var password: String
            var apiKey: String
            var environment: String?
            var accountId: String?
        }
        var profiles: [String: Profile]
    }
}
