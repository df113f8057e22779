import Foundation
import IGTrading

/// The credentials a command uses and where they were found, for `ig doctor`.
struct CredentialSource: Sendable {
    /// The credentials.
    var credentials: IGCredentials
    /// Where they come from, for a person.
    var origin: String

    /// What `ig doctor` prints: the origin, the identifier and the masked API key (never the password).
    var summary: String {
        "from \(origin): identifier \(credentials.identifier), API key \(SecretMask.apiKey(credentials.apiKey))"
    }

    /// The credentials `connection` would use, as `ConnectionOptions.withClient` chooses them.
    static func resolve(
        _ connection: ConnectionOptions, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> CredentialSource {
        if let profile = connection.profile {
            let file = IGCredentials.defaultProfileFile(environment)
            return CredentialSource(
                credentials: try IGCredentials.fromProfile(named: profile, file: file),
                origin: "profile \(profile) in \(file.path)")
        }
        let explicit = try? IGCredentials.fromEnvironment(environment)
        switch connection.target {
        case .demo, .live:
            return CredentialSource(
                credentials: try IGCredentials.fromEnvironment(environment),
                origin: "IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY")
        case .custom:
            if let explicit {
                return CredentialSource(
                    credentials: explicit, origin: "IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY")
            }
            fallthrough
        case .embeddedSimulator:
            return CredentialSource(
                credentials: ConnectionOptions.simulatorCredentials(environment),
                origin: "the simulator's logins (IG_SIM_USER, IG_SIM_PASSWORD, IG_SIM_API_KEY or their defaults)")
        }
    }
}
