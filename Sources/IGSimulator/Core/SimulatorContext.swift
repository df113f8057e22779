import Foundation

/// The services every area of the simulator shares: configuration, clock, catalog, price engine, accounts, the
/// session tokens, the dealing desk, the exchange events, the Lightstreamer server, allowances and statistics.
///
/// Areas own their own state; what lives here is read by several areas or by the core's dispatch.
final class SimulatorContext: Sendable {
    let configuration: SimulatorConfiguration
    /// The catalog, re-dated as the clock passes contracts' last dealing times (read it through ``catalog``).
    let catalogs: RollingCatalog
    let prices: PriceEngine
    let encryptionKey: PasswordEncryptionKey
    let accounts: [SimulatedAccount]
    let clientId = IGSimulator.clientId
    /// Login sessions and their tokens: sessions open and close them, the core authenticates with them.
    let tokens: Locked<TokenAuthority>
    /// Request counters shown by `GET /simulator/stats`.
    let statistics = Locked(SimulatorStatistics())
    /// The API key's allowances, their per-minute windows and the weekly historical-data usage.
    let allowances: AllowanceLedger
    /// Exchange events for the streaming server (TRADE, ACCOUNT).
    let events = ExchangeEventHub()
    /// The Lightstreamer server (sessions and faults).
    let streaming = StreamingServer()
    /// The open HTTP connections (closed when idle on shutdown).
    let connections = ConnectionRegistry()
    /// The dealing engine and its fault injector.
    let desk: DealingDesk
    /// The base URL once listening (used for `lightstreamerEndpoint`).
    let listeningURL = Locked<URL?>(nil)
    /// Served historical-price requests (`GET /simulator/prices/requests`).
    let priceRequests = PriceRequestLog()
    /// The one clock every area reads (wall, accelerated or stepped, from the configuration).
    let clock: SimulatorClock

    init(configuration: SimulatorConfiguration, clock wall: @escaping @Sendable () -> Date) throws {
        self.configuration = configuration
        self.clock = SimulatorClock(mode: configuration.clock, wall: wall)
        let catalog = Catalog(now: self.clock.now).replaying(configuration.replay)
        self.catalogs = RollingCatalog(catalog, now: self.clock.now)
        self.prices = PriceEngine(seed: configuration.seed, replay: configuration.replay)
        self.encryptionKey = try PasswordEncryptionKey.shared.get()
        self.accounts = SimulatedAccount.standard
        self.tokens = Locked(
            TokenAuthority(
                accessTokenLifetime: configuration.accessTokenLifetime.timeInterval,
                refreshTokenLifetime: configuration.refreshTokenLifetime.timeInterval
            )
        )
        self.allowances = AllowanceLedger(allowances: configuration.allowances)
        self.desk = DealingDesk(
            configuration: configuration, catalog: catalog, prices: self.prices, accounts: self.accounts,
            events: self.events)
        // The accounts' generated past is written at start, not inside the first request.
        if !configuration.freshAccounts { self.desk.preparePast(now: self.clock.now) }
    }

    /// The current time.
    var now: Date { self.clock.now }

    /// The catalog at the current time: dated epics name the contract dealing now.
    var catalog: Catalog { self.catalogs.catalog(at: self.now) }

    /// The account with an id, or nil.
    func account(_ id: String) -> SimulatedAccount? {
        self.accounts.first { $0.accountId == id }
    }

    /// `lightstreamerEndpoint`: `http://HOST:PORT` of this simulator, or the request's `Host` when bound to a
    /// wildcard address.
    func lightstreamerEndpoint(for request: RESTRequest) -> String {
        let host = self.configuration.host
        let baseURL = self.listeningURL.withLock { $0 }
        if host == "0.0.0.0" || host == "::" || baseURL == nil, let requestHost = request.header("host") {
            return "http://\(requestHost)"
        }
        return baseURL?.absoluteString ?? "http://\(host):\(self.configuration.port)"
    }
}
