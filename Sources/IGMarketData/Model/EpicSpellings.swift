public import IGModels

/// The letter case a store files each epic under, per environment, so that `cs.d.eurusd.today.ip` and
/// `CS.D.EURUSD.TODAY.IP` are one series and their bars are paid for once.
///
/// IG writes its epics in capitals, and its pattern for them (`[A-Za-z0-9._]{6,30}`) allows small letters, but it
/// does not document whether it matches them without regard to case. So the first spelling seen is kept: an epic is
/// sent to IG as typed the first time, and afterwards the spelling the store holds is used. The price cache and the
/// backfill planner of `IGMarketDataSync` map every epic through the store's spellings
/// (``MarketDataStore/spelling(of:environment:)``), and ``MarketDataStore/copy(from:environment:epics:resolutions:dryRun:pageSize:progress:)``
/// files a copied epic under the destination's spelling.
///
/// ```swift
/// var spellings = try await EpicSpellings(of: store, environment: "DEMO")
/// spellings.spelling(of: "cs.d.eurusd.today.ip", in: "DEMO")   // "CS.D.EURUSD.TODAY.IP" once that is stored
/// let key = spellings.file(SeriesKey(environment: "DEMO", epic: "cs.d.gbpusd.today.ip", resolution: .hour))
/// ```
public struct EpicSpellings: Sendable, Hashable {
    /// Per environment, the spelling of each epic by its spelling in capitals.
    private var spellings: [String: [String: Epic]] = [:]

    /// No spellings yet: each epic is filed as it is first given to ``file(_:environment:)``.
    public init() {}

    /// The spellings `store` holds under `environment` (nil: every environment): of its series first, the series
    /// created first winning where a store already holds two spellings of an epic, then of its recorded markets (not
    /// an account's streams, which are filed under an account id).
    ///
    /// - Throws: ``StoreError`` when the store cannot be read.
    public init(of store: MarketDataStore, environment: String? = nil) async throws(StoreError) {
        let held = try await store.heldEpics(environment: environment)
        for (environment, epic) in held.series { _ = file(Epic(rawValue: epic), environment: environment) }
        for stream in held.recorded where !stream.isAccountStream {
            _ = file(stream.epic, environment: stream.environment)
        }
    }

    /// The spelling `epic` is filed under in `environment`, when one in any letter case is (nil when none is).
    public func spelling(of epic: Epic, in environment: String) -> Epic? {
        spellings[environment]?[epic.rawValue.uppercased()]
    }

    /// The spelling `epic` is filed under in `environment`: the one held already, else `epic`'s own, from now on.
    public mutating func file(_ epic: Epic, environment: String) -> Epic {
        let capitals = epic.rawValue.uppercased()
        if let held = spellings[environment]?[capitals] { return held }
        spellings[environment, default: [:]][capitals] = epic
        return epic
    }

    /// `key` with its epic filed as ``file(_:environment:)`` files it.
    public mutating func file(_ key: SeriesKey) -> SeriesKey {
        SeriesKey(
            environment: key.environment, epic: file(key.epic, environment: key.environment), resolution: key.resolution
        )
    }

    /// `stream` with its epic filed as ``file(_:environment:)`` files it; an account's stream keeps its account id.
    public mutating func file(_ stream: RecordedStream) -> RecordedStream {
        guard !stream.isAccountStream else { return stream }
        return RecordedStream(
            environment: stream.environment, epic: file(stream.epic, environment: stream.environment),
            stream: stream.stream)
    }
}
