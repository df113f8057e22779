import Foundation
import IGModels
import Logging

/// The IG REST client.
///
/// ```swift
/// let client = try IGClient(configuration: .init(environment: .demo), credentials: .fromEnvironment())
/// let accounts = try await client.accounts.list()
/// let bars = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .hour, max: 20)
/// try await client.shutdown()
/// ```
///
/// The session is established on first use (or explicitly with `session.login()`), v3 tokens are refreshed
/// before they expire, and when IG refuses the tokens the client logs in again once and replays the request.
/// Call ``shutdown()`` when done, or use ``withClient(configuration:credentials:_:)``.
public final class IGClient: Sendable {
    /// The configuration the client was created with.
    public let configuration: Configuration
    let credentials: IGCredentials
    let pipeline: HTTPPipeline
    let sessionManager: SessionManager

    /// Creates a client. Nothing is sent until the first call.
    ///
    /// - Parameters:
    ///   - configuration: environment, session version, pacing, retries, logging.
    ///   - credentials: the login and API key.
    ///   - transport: how HTTP is sent; `nil` uses AsyncHTTPClient with the configured timeouts.
    public init(
        configuration: Configuration = .init(), credentials: IGCredentials, transport: (any IGHTTPTransport)? = nil
    ) throws(IGError) {
        try configuration.validate()
        self.configuration = configuration
        self.credentials = credentials
        self.pipeline = HTTPPipeline(
            transport: transport ?? AsyncHTTPClientTransport(connectTimeout: configuration.timeouts.connect),
            environment: configuration.environment, apiKey: credentials.apiKey, timeouts: configuration.timeouts,
            logger: configuration.logger,
            limits: RateLimitContext(
                settings: configuration.rateLimiting, apiKey: credentials.apiKey,
                server: configuration.environment.serverURL.absoluteString, logger: configuration.logger))
        self.sessionManager = SessionManager(pipeline: pipeline, credentials: credentials, configuration: configuration)
    }

    /// Releases the HTTP connections. Does not log out (IG sessions expire by themselves; call
    /// `session.logout()` first to end it now).
    public func shutdown() async throws {
        try await pipeline.transport.shutdown()
    }

    /// Runs `body` with a client and shuts it down afterwards, whatever happens.
    public static func withClient<Result: Sendable>(
        configuration: Configuration = .init(), credentials: IGCredentials,
        _ body: (IGClient) async throws -> Result
    ) async throws -> Result {
        let client = try IGClient(configuration: configuration, credentials: credentials)
        do {
            let result = try await body(client)
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    /// Sends a request with the session's tokens; when IG refuses them, re-authenticates once and replays.
    ///
    /// Replaying is safe even for mutations: IG's gateway rejects bad tokens before the request is processed.
    func perform(_ request: IGRequest) async throws(IGError) -> IGHTTPResponse {
        let policy = request.isSafeToRetry ? configuration.retryPolicy : .none
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1
        while true {
            do {
                return try await performOnce(request)
            } catch {
                guard attempt < policy.maxAttempts, RetryPolicy.isRetryable(error) else { throw error }
                let wait = policy.backoff(after: attempt, error: error)
                if let deadline = policy.deadline, clock.now - start + wait > deadline { throw error }
                configuration.logger.debug(
                    "Retrying \(request.operation)",
                    metadata: [
                        "attempt": "\(attempt + 1)", "waitMs": "\(HTTPPipeline.milliseconds(wait))",
                        "reason": "\(error.errorCode?.rawValue ?? error.code.description)",
                    ])
                do {
                    try await Task.sleep(for: wait)
                } catch {
                    throw IGError(code: .cancelled, operation: request.operation, underlying: error)
                }
                attempt += 1
            }
        }
    }

    /// One attempt: the session's tokens, and one re-authentication + replay when IG refuses them.
    private func performOnce(_ request: IGRequest) async throws(IGError) -> IGHTTPResponse {
        guard request.authentication == .session else { return try await pipeline.send(request) }
        let (headers, generation, account) = try await sessionManager.headers()
        if let load = pipeline.limits.allowancesLoad(start: { Task { await self.loadAllowances() } }) {
            await load.value
        }
        do {
            return try await pipeline.send(request, authHeaders: headers, account: account)
        } catch let error where error.httpStatus == 401 && (error.errorCode?.isSessionTokenProblem ?? false) {
            configuration.logger.info(
                "IG refused the session tokens; re-authenticating once",
                metadata: ["errorCode": "\(error.errorCode?.rawValue ?? "-")", "operation": "\(request.operation)"])
            let fresh = try await sessionManager.headersAfterRejection(of: generation)
            return try await pipeline.send(request, authHeaders: fresh.headers, account: fresh.account)
        }
    }

    /// Reads this API key's allowances from `GET /operations/application` (once per client).
    private func loadAllowances() async {
        do {
            let (headers, generation, account) = try await sessionManager.headers()
            let request = IGRequest(.get, "/operations/application")
            let response: IGHTTPResponse
            do {
                response = try await pipeline.send(request, authHeaders: headers, account: account)
            } catch let error where error.httpStatus == 401 && (error.errorCode?.isSessionTokenProblem ?? false) {
                // The tokens expired while the client was idle (IG ends CST/XST after hours without use; a stepped
                // simulator clock gets there in a weekend): log in again once, or the client would pace itself
                // with the fallback allowances for the rest of its life.
                let fresh = try await sessionManager.headersAfterRejection(of: generation)
                response = try await pipeline.send(request, authHeaders: fresh.headers, account: fresh.account)
            }
            let apps = try HTTPPipeline.decode([ClientApplication].self, from: response, request: request)
            guard let app = apps.first(where: { $0.apiKey == credentials.apiKey }),
                let overall = app.allowanceApplicationOverall, let accountOverall = app.allowanceAccountOverall,
                let trading = app.allowanceAccountTrading
            else {
                configuration.logger.notice("IG published no allowances for this API key; keeping the defaults")
                return
            }
            pipeline.limits.adopt(
                IGAllowances(
                    applicationOverall: overall, accountOverall: accountOverall, accountTrading: trading,
                    historicalDataPoints: app.allowanceAccountHistoricalData ?? 10_000))
        } catch {
            configuration.logger.notice(
                "Could not read IG's allowances; keeping the defaults", metadata: ["error": "\(error.code)"])
        }
    }

    /// Sends a request and decodes its body.
    func decoded<T: Decodable>(_ type: T.Type, _ request: IGRequest) async throws(IGError) -> T {
        try HTTPPipeline.decode(T.self, from: try await perform(request), request: request)
    }
}
