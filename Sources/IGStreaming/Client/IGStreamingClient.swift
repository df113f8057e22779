public import IGModels
public import IGTrading
public import Lightstreamer
public import Logging

/// IG's Streaming API: typed subscriptions to prices, charts, the account and trade events, over a Lightstreamer
/// session that survives `LOOP`s, dropped connections, stalls and expired sessions.
///
/// Credentials come from an `IGClient`: `LS_user` is the active account id and `LS_password` is
/// `CST-…|XST-…`. Before every new Lightstreamer session the REST session is checked (IG's pipeline logs in again if
/// its tokens were refused), so a session re-created hours later carries fresh tokens; if IG still refuses them
/// (`CONERR,1`) the client logs in again and retries once.
///
/// ```swift
/// let streaming = IGStreamingClient(client: client)
/// let prices = try await streaming.prices(["CS.D.EURUSD.TODAY.IP"])
/// try await withThrowingTaskGroup(of: Void.self) { group in
///     group.addTask { try await streaming.run() }
///     for try await event in prices { print(event) }
/// }
/// ```
public final class IGStreamingClient: Sendable {
    /// The REST client that provides the session.
    public let client: IGClient
    /// The configuration.
    public let configuration: Configuration
    /// The Lightstreamer client underneath (for raw subscriptions).
    public let lightstreamer: LightstreamerClient

    /// Creates a streaming client for `client`'s session (logging in when needed).
    public init(client: IGClient, configuration: Configuration = Configuration(), logger: Logger? = nil) {
        self.client = client
        self.configuration = configuration
        let serverAddress = configuration.serverAddress
        self.lightstreamer = LightstreamerClient(
            configuration: configuration.lightstreamer, logger: logger ?? Logger(label: "ig.streaming")
        ) { request in
            try await Self.sessionParameters(client: client, serverAddress: serverAddress, request: request)
        }
    }

    /// Connects and streams until cancelled or ``shutdown()`` (returns), or until the connection fails for good
    /// (throws `LightstreamerClientError`). Call it once.
    public func run() async throws {
        try await lightstreamer.run()
    }

    /// Destroys the Lightstreamer session and makes ``run()`` return.
    public func shutdown() {
        lightstreamer.shutdown()
    }

    /// The connection status, current one first.
    public var statusUpdates: AsyncStream<TLCPConnectionStatus> { lightstreamer.statusUpdates }

    /// The current connection status.
    public var status: TLCPConnectionStatus { lightstreamer.status }

    /// Counters of connections, sessions, rebinds, recoveries, gaps and updates.
    public var statistics: LightstreamerClientStatistics { lightstreamer.statistics }

    /// Ends a subscription (its sequence finishes). Dropping the subscription or cancelling the task iterating it
    /// does the same.
    public func unsubscribe<Update>(_ subscription: IGStreamingSubscription<Update>) {
        lightstreamer.unsubscribe(subscription.id)
    }

    /// The active account id: the configured one, else the session's (logging in if needed).
    public func accountId() async throws -> AccountId {
        if let configured = client.configuration.accountId { return configured }
        if let current = await client.session.current { return current.accountId }
        return try await client.session.login().accountId
    }

    // MARK: Subscriptions

    /// `PRICE:{account}:{epic}` items (MERGE, adapter `Pricing`), latest value wins by default.
    public func prices(
        _ epics: [Epic], fields: [String] = IGStreamingFields.price,
        buffering: LightstreamerBufferingPolicy = .latestValuePerItem
    ) async throws -> IGStreamingSubscription<IGPriceUpdate> {
        let account = try await accountId()
        let items = epics.map { IGStreamingItem.price(account: account, epic: $0) }
        return subscribe(
            items, mode: .merge, dataAdapter: "Pricing", buffering: buffering,
            decoder: .prices(items, fields: fields))
    }

    /// Legacy `MARKET:{epic}` items (MERGE), latest value wins by default.
    public func markets(
        _ epics: [Epic], fields: [String] = IGStreamingFields.market,
        buffering: LightstreamerBufferingPolicy = .latestValuePerItem
    ) -> IGStreamingSubscription<IGMarketUpdate> {
        let items = epics.map { IGStreamingItem.market(epic: $0) }
        return subscribe(items, mode: .merge, buffering: buffering, decoder: .markets(items, fields: fields))
    }

    /// `CHART:{epic}:TICK` items (DISTINCT), latest value wins by default.
    public func chartTicks(
        _ epics: [Epic], fields: [String] = IGStreamingFields.chartTick,
        buffering: LightstreamerBufferingPolicy = .latestValuePerItem
    ) -> IGStreamingSubscription<IGChartTick> {
        let items = epics.map { IGStreamingItem.chartTick(epic: $0) }
        return subscribe(items, mode: .distinct, buffering: buffering, decoder: .ticks(items, fields: fields))
    }

    /// `CHART:{epic}:{scale}` candle items (MERGE), latest value wins by default.
    public func candles(
        _ epics: [Epic], scale: IGCandleScale, fields: [String] = IGStreamingFields.candle,
        buffering: LightstreamerBufferingPolicy = .latestValuePerItem
    ) -> IGStreamingSubscription<IGCandle> {
        let items = epics.map { IGStreamingItem.chartCandle(epic: $0, scale: scale) }
        return subscribe(items, mode: .merge, buffering: buffering, decoder: .candles(items, fields: fields))
    }

    /// The `ACCOUNT:{accountId}` item (MERGE) of `accountId` (default: the active account).
    public func account(
        _ accountId: AccountId? = nil, fields: [String] = IGStreamingFields.account,
        buffering: LightstreamerBufferingPolicy = .latestValuePerItem
    ) async throws -> IGStreamingSubscription<IGAccountUpdate> {
        let items = [IGStreamingItem.account(try await resolved(accountId))]
        return subscribe(items, mode: .merge, buffering: buffering, decoder: .account(items, fields: fields))
    }

    /// The `TRADE:{accountId}` item (DISTINCT): confirmations, position and working-order updates, lossless.
    public func trades(
        _ accountId: AccountId? = nil, buffering: LightstreamerBufferingPolicy = .unbounded
    ) async throws -> IGStreamingSubscription<IGTradeUpdate> {
        let items = [IGStreamingItem.trade(try await resolved(accountId))]
        return subscribe(
            items, mode: .distinct, buffering: buffering,
            decoder: .trades(items, fields: IGStreamingFields.trade))
    }

    private func resolved(_ accountId: AccountId?) async throws -> AccountId {
        if let accountId { return accountId }
        return try await self.accountId()
    }

    func subscribe<Update>(
        _ items: [IGStreamingItem], mode: TLCPSubscription.Mode, dataAdapter: String? = nil,
        buffering: LightstreamerBufferingPolicy, decoder: IGUpdateDecoder<Update>
    ) -> IGStreamingSubscription<Update> {
        let subscription = TLCPSubscription(
            mode: mode, items: items.map(\.description), fields: decoder.fields, dataAdapter: dataAdapter,
            snapshot: .enabled)
        return IGStreamingSubscription(
            events: lightstreamer.subscribe(subscription, buffering: buffering), decoder: decoder)
    }
}
