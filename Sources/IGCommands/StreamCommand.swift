import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// `ig stream`: live prices, charts, account and trade events over IG's Streaming API (Lightstreamer).
struct StreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Stream live prices, charts, account and trade updates (IG's Lightstreamer API).",
        discussion: """
            A live-updating table by default; --format ndjson prints one JSON object per line (updates, gaps and \
            connection status, each with a "type") for piping. Ctrl-C stops cleanly; --duration and --count stop \
            on their own.
            """,
        subcommands: [
            StreamPricesCommand.self, StreamChartCommand.self, StreamAccountCommand.self,
            StreamTradesCommand.self,
        ])
}

/// How `ig stream` prints.
enum StreamFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// A table redrawn in place (plain lines when not on a terminal).
    case table
    /// One JSON object per line.
    case ndjson
}

/// The transport choice of `ig stream`.
enum StreamTransportChoice: String, ExpressibleByArgument, CaseIterable, Sendable {
    case auto, websocket, http

    var policy: TLCPSessionStateMachine.Configuration.TransportPolicy {
        switch self {
        case .auto: .webSocketWithHTTPFallback
        case .websocket: .webSocket
        case .http: .httpStreaming
        }
    }
}

/// Options shared by the `ig stream` subcommands.
struct StreamOptions: ParsableArguments {
    @Option(help: "Output: table (live view) or ndjson.")
    var format: StreamFormat = .table

    @Option(help: "Stop after this many seconds.")
    var duration: Double?

    @Option(help: "Stop after this many updates.")
    var count: Int?

    @Option(help: "Transport: auto (WebSocket, falling back to HTTP streaming), websocket or http.")
    var transport: StreamTransportChoice = .auto

    @Option(help: "TLCP version: 2.4.0 (what IG accepts) or 2.5.0.")
    var tlcp: String = "2.4.0"

    func validate() throws {
        if let duration, duration <= 0 { throw ValidationError("--duration must be positive.") }
        if let count, count <= 0 { throw ValidationError("--count must be positive.") }
        guard version != nil else { throw ValidationError("--tlcp must be 2.4.0 or 2.5.0.") }
    }

    var version: TLCPVersion? {
        switch tlcp {
        case "2.4.0": .v2_4_0
        case "2.5.0": .v2_5_0
        default: nil
        }
    }

    var streamingConfiguration: IGStreamingClient.Configuration {
        IGStreamingClient.Configuration(protocolVersion: version ?? .v2_4_0, transport: transport.policy)
    }
}

/// `ig stream prices EPIC…`.
struct StreamPricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Stream PRICE:{account}:{epic} quotes (or legacy MARKET:{epic} with --market)."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    @Flag(help: "Use the legacy MARKET:{epic} items instead of PRICE.")
    var market = false

    @Argument(help: "Epics, e.g. CS.D.EURUSD.TODAY.IP.")
    var epics: [String]

    func run() async throws {
        let epics = self.epics.map { Epic(rawValue: $0) }
        if market {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                streaming.markets(epics)
            }
        } else {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                try await streaming.prices(epics)
            }
        }
    }
}

/// `ig stream chart EPIC… --scale TICK|SECOND|1MINUTE|5MINUTE|HOUR`.
struct StreamChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart", abstract: "Stream CHART:{epic}:TICK ticks or CHART:{epic}:{scale} candles.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    @Option(help: "TICK, SECOND, 1MINUTE, 5MINUTE or HOUR.")
    var scale: String = "TICK"

    @Argument(help: "Epics.")
    var epics: [String]

    func validate() throws {
        guard scale.uppercased() == "TICK" || IGCandleScale(rawValue: scale.uppercased()) != nil else {
            throw ValidationError("--scale must be TICK, SECOND, 1MINUTE, 5MINUTE or HOUR.")
        }
    }

    func run() async throws {
        let epics = self.epics.map { Epic(rawValue: $0) }
        if let candleScale = IGCandleScale(rawValue: scale.uppercased()) {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                streaming.candles(epics, scale: candleScale)
            }
        } else {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                streaming.chartTicks(epics)
            }
        }
    }
}

/// `ig stream account`.
struct StreamAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Stream ACCOUNT:{accountId} balances (the active account by default).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    func run() async throws {
        try await StreamRunner(connection: connection, options: stream).run { streaming in
            try await streaming.account()
        }
    }
}

/// `ig stream trades`.
struct StreamTradesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trades", abstract: "Stream TRADE:{accountId} confirmations and position/order updates.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    func run() async throws {
        try await StreamRunner(connection: connection, options: stream).run { streaming in
            try await streaming.trades()
        }
    }
}
