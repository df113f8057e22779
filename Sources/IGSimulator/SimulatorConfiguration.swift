import Foundation

/// How an ``IGSimulator`` listens, prices markets and whom it lets in.
///
/// Besides the configured identifier, three special identities (all with the configured password) reproduce IG
/// login failures:
/// - `isa-user`: v1/v2 logins answer 403 `error.public-api.failure.stockbroking-not-supported`; v3 succeeds.
/// - `kyc-user`: every login answers 401 `error.public-api.failure.kyc.required`.
/// - `encrypt-user`: a login without `encryptedPassword: true` answers 400
///   `error.public-api.failure.encryption.required`; an encrypted login succeeds.
public struct SimulatorConfiguration: Sendable, Hashable {
    /// Interface to bind, e.g. `127.0.0.1`.
    public var host: String
    /// Port to bind; 0 picks a free port.
    public var port: Int
    /// Seed of the deterministic price engine.
    public var seed: UInt64
    /// The login identifier (IG user name).
    public var identifier: String
    /// The login password.
    public var password: String
    /// The API key every request must carry in `X-IG-API-KEY`.
    public var apiKey: String
    /// Lifetime of v3 OAuth access tokens (IG: 60 s).
    public var accessTokenLifetime: Duration
    /// Lifetime of v3 OAuth refresh tokens (IG: about 10 minutes).
    public var refreshTokenLifetime: Duration
    /// IG's request and historical-data allowances, enforced per API key and account.
    public var allowances: SimulatorAllowances = .igLive
    /// The dealing engine's behaviour (confirm availability, faults).
    public var dealing: DealingConfiguration = .init()
    /// The Lightstreamer server's behaviour (keepalives, faults).
    public var streaming: StreamingConfiguration = .init()
    /// How the simulator's clock moves (wall time by default); see ``SimulatorClockMode``.
    public var clock: SimulatorClockMode = .wall
    /// Recorded prices to replay instead of the synthetic engine (`--prices store`); nil for synthetic prices.
    public var replay: PriceReplay?
    /// Timeouts and size limits of HTTP connections.
    public var connections: ConnectionLimits = .init()
    /// When true the standard accounts start empty (no past activity, transactions or deposits), as `--fresh-accounts`
    /// asks; by default they have a deterministic year of history generated from the seed and the price path. With
    /// ``replay`` set (a backtest or paper trading) the accounts always start empty: that past follows the synthetic
    /// path, and a run's report holds only the run's own deals.
    public var freshAccounts: Bool = false
    /// When set, the test controls under `/simulator/…` answer only requests whose ``controlTokenHeader`` carries
    /// this value (401 `error.simulator.control-token-invalid` otherwise). Set it whenever the simulator listens
    /// beyond loopback: the controls can end sessions, inject errors and change allowances.
    public var controlToken: String?
    /// Team logins: with N above 1, `IDENTIFIER-2` … `IDENTIFIER-N` (at most 32) log in too (same password), each
    /// with a weekly historical allowance of its own (`ig-simulator --users N`).
    public var users: Int = 1
    /// The most logins ``users`` may ask for.
    public static let maximumUsers = 32

    /// The header that carries ``controlToken``.
    public static let controlTokenHeader = "X-IG-Simulator-Token"

    /// Whether ``host`` is a loopback address (`127.x.x.x`, `::1`, `localhost`), reachable from this machine only.
    public var isLoopbackOnly: Bool {
        let host = self.host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// A random control token (128 bits, hex) for ``controlToken``.
    public static func makeControlToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// Identifier whose v1/v2 logins fail as for a share-dealing (ISA/SIPP) default account.
    public static let stockbrokingIdentifier = "isa-user"
    /// Identifier whose logins fail because IG needs a KYC review.
    public static let kycIdentifier = "kyc-user"
    /// Identifier that must log in with an encrypted password.
    public static let encryptionRequiredIdentifier = "encrypt-user"

    /// Creates a configuration; every value has the simulator default.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8470,
        seed: UInt64 = 42,
        identifier: String = "demo-user",
        password: String = "demo-password",
        apiKey: String = "demo-api-key",
        accessTokenLifetime: Duration = .seconds(60),
        refreshTokenLifetime: Duration = .seconds(600)
    ) {
        self.host = host
        self.port = port
        self.seed = seed
        self.identifier = identifier
        self.password = password
        self.apiKey = apiKey
        self.accessTokenLifetime = accessTokenLifetime
        self.refreshTokenLifetime = refreshTokenLifetime
    }

    /// The defaults, with credentials taken from `IG_SIM_USER`, `IG_SIM_PASSWORD` and `IG_SIM_API_KEY` when set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        if let user = environment["IG_SIM_USER"], !user.isEmpty { configuration.identifier = user }
        if let password = environment["IG_SIM_PASSWORD"], !password.isEmpty { configuration.password = password }
        if let apiKey = environment["IG_SIM_API_KEY"], !apiKey.isEmpty { configuration.apiKey = apiKey }
        return configuration
    }
}

extension SimulatorConfiguration: CustomStringConvertible {
    /// A description without the password or API key.
    public var description: String {
        "SimulatorConfiguration(host: \(host), port: \(port), seed: \(seed), identifier: \(identifier))"
    }
}
