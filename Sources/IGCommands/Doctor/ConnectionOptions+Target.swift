import Foundation
import IGModels
import IGTrading

extension ConnectionOptions {
    /// Where the connection options point.
    enum Target: Sendable, Equatable {
        /// `--base-url`.
        case custom(URL)
        /// `--env sim`: a simulator started inside the command.
        case embeddedSimulator
        /// `--env demo`.
        case demo
        /// `--env live`.
        case live
    }

    /// Where the options point (`--base-url` wins over `--env`; a malformed URL counts as none).
    var target: Target {
        if let baseURL, let url = URL(string: baseURL), url.scheme != nil { return .custom(url) }
        switch env {
        case .sim: return .embeddedSimulator
        case .demo: return .demo
        case .live: return .live
        }
    }

    /// The session version asked for with `--session-version`.
    var preferredSessionVersion: SessionVersion { sessionVersion.value }

    /// A client configuration for `environment`, as `withClient` builds it, with `sessionVersion`.
    func clientConfiguration(
        environment: IGEnvironment, credentials: IGCredentials, sessionVersion: SessionVersion
    ) -> IGClient.Configuration {
        IGClient.Configuration(
            environment: environment, liveTrading: environment == .live ? .enabled : .disabled,
            sessionVersion: sessionVersion, passwordEncryption: encrypt ? .always : .automatic,
            accountId: account.map { AccountId(rawValue: $0) } ?? credentials.accountId, logger: logger())
    }
}
