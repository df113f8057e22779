import ArgumentParser
import Foundation
import IGMarketData
import IGModels
import IGSimulator

/// `ig simulator` flags of the backtesting venue: the clock and where prices come from.
public struct VenueSimulatorOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The simulator's clock: now (wall time) or a start time such as 2025-03-03T08:00:00Z.",
            valueName: "now|time"))
    var clock = "now"
    @Option(help: "With --clock TIME: how many times faster than wall time the clock runs (default 1).")
    var speed: Double?
    @Flag(
        help: ArgumentHelp(
            "With --clock TIME: the clock stands still and moves only on POST /simulator/clock "
                + "{\"time\": …} or {\"step\": seconds}."))
    var stepped = false
    @Option(
        help: ArgumentHelp(
            "Where prices come from: synthetic (the deterministic engine), store (replayed from --store) or live "
                + "(IG's prices, paper trading)."))
    var prices: PriceSourceName = .synthetic
    @Option(
        help: ArgumentHelp(
            "With --prices store: the market-data store to replay, an SQLite file or a postgres:// URL.",
            valueName: "path|url"))
    var store: String?
    @Option(help: "With --prices store: the store's environment to replay (default: the one with most series).")
    var storeEnvironment: String?
    @Option(
        help: ArgumentHelp(
            "With --prices store: the bars to replay, MINUTE (the default) or another fixed length such as HOUR "
                + "(recorded ticks are replayed with either).", valueName: "resolution"))
    var storeResolution: String?
    @Option(
        help: ArgumentHelp(
            "With --prices live: the epics to relay from IG, comma-separated or repeated.", valueName: "epics"))
    var liveEpics: [String] = []
    @Option(help: "With --prices live: where prices come from, demo or live (credentials as for other commands).")
    var liveEnv: LiveEnvironment = .demo
    @Option(help: "With --prices live: any IG-compatible server instead, e.g. http://127.0.0.1:8470.")
    var liveBaseURL: String?
    @Option(help: "With --prices live: the credentials profile to log in with (default: IG_* variables).")
    var liveProfile: String?

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}

    /// A price source.
    public enum PriceSourceName: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
        /// The deterministic engine.
        case synthetic
        /// Replayed from a market-data store.
        case store
        /// Relayed from IG (paper trading).
        case live
    }

    /// Where `--prices live` reads prices.
    public enum LiveEnvironment: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
        /// IG's DEMO environment.
        case demo
        /// IG's LIVE environment (prices only: nothing is dealt there).
        case live
    }

    /// The epics given to `--live-epics`, split on commas, upper case.
    var liveEpicList: [String] {
        liveEpics.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
            .filter { !$0.isEmpty }
    }

    /// The connection of `--prices live`: IG (demo or live) or `--live-base-url`, with `--live-profile` or the IG_*
    /// variables.
    var liveConnection: ConnectionOptions {
        var connection = ConnectionOptions()
        connection.env = liveEnv == .live ? .live : .demo
        connection.baseURL = liveBaseURL
        connection.profile = liveProfile
        return connection
    }

    /// Refuses values that cannot work together, with a message naming the flag.
    public func validate() throws {
        if clock.lowercased() != "now", Self.parseTime(clock) == nil {
            throw ValidationError("--clock must be now or a time such as 2025-03-03T08:00:00Z.")
        }
        if let speed, !(speed > 0 && speed.isFinite) { throw ValidationError("--speed must be a positive number.") }
        if clock.lowercased() == "now", speed != nil || stepped {
            throw ValidationError("--speed and --stepped need a start time: --clock 2025-03-03T08:00:00Z.")
        }
        if stepped, speed != nil { throw ValidationError("--stepped and --speed exclude each other.") }
        if prices == .store, store == nil {
            throw ValidationError("--prices store needs --store PATH|URL (the market-data store to replay).")
        }
        if prices != .store, store != nil || storeEnvironment != nil || storeResolution != nil {
            throw ValidationError("--store, --store-environment and --store-resolution need --prices store.")
        }
        _ = try replayResolution
        if prices == .live {
            if liveEpicList.isEmpty { throw ValidationError("--prices live needs --live-epics EPIC,… to relay.") }
            if clock.lowercased() != "now" {
                throw ValidationError("--prices live runs on wall time: live prices cannot be replayed at --clock.")
            }
        } else if !liveEpics.isEmpty || liveBaseURL != nil || liveProfile != nil {
            throw ValidationError("--live-epics, --live-base-url and --live-profile need --prices live.")
        }
    }

    /// The bars `--store-resolution` names (MINUTE when not given); a calendar resolution is refused.
    var replayResolution: PriceResolution {
        get throws {
            guard let storeResolution else { return .minute }
            let parsed: Resolution
            do { parsed = try Resolution(parsing: storeResolution) } catch {
                throw ValidationError("--store-resolution: \(error.description)")
            }
            guard let resolution = PriceResolution(rawValue: parsed.rawValue), resolution.fixedSeconds != nil else {
                throw ValidationError(
                    "--store-resolution: \(parsed.rawValue) bars have no fixed length and cannot be replayed; give "
                        + "MINUTE, HOUR or another fixed length.")
            }
            return resolution
        }
    }

    /// The clock these flags describe.
    public var clockMode: SimulatorClockMode {
        guard let start = Self.parseTime(clock) else { return .wall }
        if stepped { return .stepped(start: start) }
        return .accelerated(start: start, speed: speed ?? 1)
    }

    /// `configuration` with the clock and, for `--prices store`, the replay loaded from the store; for `--prices
    /// live`, an empty live source the relay fills (``LivePriceRelay``).
    ///
    /// Replayed and live prices start the accounts fresh: the generated past of the standard accounts follows the
    /// synthetic path, which a replay or a paper-trading run does not show, and a run's report should hold only
    /// the run's own trades.
    public func apply(to configuration: SimulatorConfiguration) async throws -> SimulatorConfiguration {
        var configuration = configuration
        configuration.clock = clockMode
        if prices != .synthetic { configuration.freshAccounts = true }
        if prices == .live {
            do {
                configuration.replay = try PriceReplay.live(epics: liveEpicList, catalog: Catalog(now: Date()))
            } catch {
                throw ValidationError(
                    "--live-epics: the simulator knows none of \(liveEpicList.joined(separator: ", ")).")
            }
            return configuration
        }
        guard prices == .store, let store else { return configuration }
        let location: StoreLocation
        do { location = try StoreLocation(parsing: store) } catch { throw ValidationError(error.description) }
        let opened: MarketDataStore
        do {
            opened = try await MarketDataStore.open(location, readOnly: true)
        } catch  where error.code == .noStore {
            throw CommandFailure(StoreOptions.noStore(location.description) + " Check --store.", kind: .usage)
        } catch {
            throw CommandFailure(error)
        }
        let start: Date =
            switch clockMode {
            case .wall: Date()
            case .accelerated(let start, _), .stepped(let start): start
            }
        var environment: String?
        let catalog = Catalog(now: start)
        do {
            if let storeEnvironment { environment = try await EnvironmentName.resolve(storeEnvironment, in: opened) }
            configuration.replay = try await PriceReplay.load(
                from: opened, environment: environment, resolution: try replayResolution, catalog: catalog)
        } catch let error as PriceReplayError where error.code == .empty {
            let held = (try? await opened.status(environment: environment)) ?? []
            await opened.close()
            throw CommandFailure(Self.nothingToReplay(held.filter { $0.bars > 0 }, asked: try replayResolution))
        } catch {
            await opened.close()
            throw CommandFailure("\(error)")
        }
        await opened.close()
        return configuration
    }

    /// Why a store holding `held` (series with bars) has no `asked` bars to replay, and what would.
    static func nothingToReplay(_ held: [SeriesStatus], asked: PriceResolution) -> String {
        let name = asked.rawValue
        let fill =
            "Replay needs \(name) bars or recorded ticks: `ig history sync EPIC -r \(name) --from DATE` or "
            + "`ig record EPIC` fills the store."
        let matching = held.filter { $0.key.resolution.rawValue == name }
        if !matching.isEmpty {
            let unknown = Set(matching.map(\.key.epic.rawValue)).sorted()
            return
                "The store's \(name) bars are of epics the simulator does not know "
                + "(\(unknown.joined(separator: ", "))). `ig markets search` finds the simulator's."
        }
        let resolutions = Set(held.map(\.key.resolution)).sorted { $0.seconds < $1.seconds }.map(\.rawValue)
        guard let finest = resolutions.first else { return "The store holds no bars or ticks to replay. " + fill }
        let listed =
            resolutions.count == 1
            ? finest : resolutions.dropLast().joined(separator: ", ") + " and " + resolutions[resolutions.count - 1]
        var text = "The store holds \(listed) bars but no \(name) bars or ticks to replay. " + fill
        if PriceResolution(rawValue: finest)?.fixedSeconds != nil {
            text += " Or replay the \(finest) bars with --store-resolution \(finest)."
        }
        return text
    }

    /// `2025-03-03T08:00:00Z` (or with fractional seconds), nil otherwise.
    static func parseTime(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
