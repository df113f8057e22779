import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// An in-process imitation of IG's REST trading API, served over HTTP by Hummingbird.
///
/// Use it embedded (``start()`` / ``shutdown()``) from tests and tools, or as a server (``run(handlingSignals:onListening:)``)
/// from a command-line tool. REST lives under `http://HOST:PORT/gateway/deal/…` with IG's paths, versions, shapes,
/// status codes and `{"errorCode": …}` bodies; test controls live under `/simulator/…`:
/// `POST /simulator/sessions/invalidate`, `POST /simulator/tokens/expire`,
/// `POST /simulator/errors` `{status, errorCode, count, pathPrefix}`, `DELETE /simulator/errors` and
/// `GET /simulator/stats`.
///
/// The simulated client has two accounts (``spreadBetAccountId``, the default, and ``cfdAccountId``) and logs in
/// with the configured identifier, password and API key; see ``SimulatorConfiguration`` for the special identities
/// that reproduce IG's login failures.
public final class IGSimulator: Sendable {
    /// The configuration the simulator was created with.
    public let configuration: SimulatorConfiguration
    let core: SimulatorCore
    private let lifecycle = Locked(Lifecycle())

    /// Id of the spread bet account (the preferred, default account).
    public static let spreadBetAccountId = SimulatedAccount.standard[0].accountId
    /// Id of the CFD account.
    public static let cfdAccountId = SimulatedAccount.standard[1].accountId
    /// The simulated client id.
    public static let clientId = "100112233"

    struct Lifecycle: Sendable {
        var baseURL: URL?
        var serviceGroup: ServiceGroup?
        var task: Task<Void, any Error>?
    }

    /// Creates a simulator (not yet listening). Generates the RSA key on first use in the process.
    public init(configuration: SimulatorConfiguration = .init()) throws {
        self.configuration = configuration
        self.core = try SimulatorCore(configuration: configuration)
    }

    /// The catalog of markets the simulator serves, as it stands at the simulator's current time: dated epics
    /// (`Month1`, `Month2` …, quarterly forwards) name the contract dealing now and roll when the clock passes its
    /// last dealing time.
    public var catalog: Catalog { self.core.context.catalog }

    /// The price engine behind every quote and bar.
    public var priceEngine: PriceEngine { self.core.context.prices }

    /// `http://HOST:PORT` while listening, nil otherwise.
    public var baseURL: URL? { self.lifecycle.withLock { $0.baseURL } }

    /// `http://HOST:PORT/gateway/deal` while listening, nil otherwise.
    public var restBaseURL: URL? { self.baseURL?.appendingPathComponent("gateway").appendingPathComponent("deal") }

    /// Decrypts a Base64 password ciphertext made with the key of `GET /session/encryptionKey` and returns the
    /// plaintext the client encrypted (the Base64-decoded `password|timeStamp`), or nil.
    public func decryptPassword(_ base64Ciphertext: String) -> String? {
        self.core.context.encryptionKey.decrypt(base64Ciphertext)
    }

    // MARK: Test controls

    /// Invalidates every CST, X-SECURITY-TOKEN, access token and refresh token (IG's weekend token wipe).
    public func invalidateAllSessions() async {
        self.core.testControls.invalidateAllSessions()
    }

    /// Expires every v3 access token; refresh tokens stay valid.
    public func expireAccessTokens() async {
        self.core.testControls.expireAccessTokens()
    }

    /// Makes the next `count` REST requests whose path (relative to `/gateway/deal`, or absolute) starts with
    /// `pathPrefix` (any path when nil) answer `status` with `{"errorCode": errorCode}`. Admin routes are never hit.
    public func injectError(status: Int, errorCode: String, count: Int = 1, pathPrefix: String? = nil) async {
        self.core.testControls.injectError(status: status, errorCode: errorCode, count: count, pathPrefix: pathPrefix)
    }

    /// What the simulator has been asked so far.
    public func statistics() async -> SimulatorStatistics {
        self.core.testControls.statistics()
    }

    func setListening(_ url: URL?) {
        self.lifecycle.withLock { $0.baseURL = url }
        self.core.context.listeningURL.withLock { $0 = url }
    }

    func withLifecycle<Result>(_ body: (inout Lifecycle) throws -> Result) rethrows -> Result {
        try self.lifecycle.withLock(body)
    }
}
