import IGModels

/// The letter case a copy files each epic under in its destination, per environment: the spelling the destination
/// already holds the epic in (a series or a recorded stream of it), else the first spelling the copy brings. IG's
/// epics name one market whatever their letter case, so `cs.d.eurusd.today.ip` and `CS.D.EURUSD.TODAY.IP` stay one
/// series (as `ig history sync` and `ig prices --store` keep them).
struct EpicSpellings: Sendable {
    /// Per environment, the spelling of each epic by its spelling in capitals.
    private var spellings: [String: [String: Epic]] = [:]

    /// The spellings `store` holds: of its series first, then of its recorded markets (not an account's streams).
    init(of store: MarketDataStore, environment: String?) async throws(StoreError) {
        for status in try await store.status(environment: environment) {
            _ = file(status.key.epic, environment: status.key.environment)
        }
        for recording in try await store.recordings(environment: environment) where !recording.stream.isAccountStream {
            _ = file(recording.stream.epic, environment: recording.stream.environment)
        }
    }

    /// The spelling `epic` is filed under in `environment`: the one held already, else `epic`'s own, from now on.
    mutating func file(_ epic: Epic, environment: String) -> Epic {
        let capitals = epic.rawValue.uppercased()
        if let held = spellings[environment]?[capitals] { return held }
        spellings[environment, default: [:]][capitals] = epic
        return epic
    }

    /// `key` with its epic filed as ``file(_:environment:)`` files it.
    mutating func file(_ key: SeriesKey) -> SeriesKey {
        SeriesKey(
            environment: key.environment, epic: file(key.epic, environment: key.environment), resolution: key.resolution
        )
    }

    /// `stream` with its epic filed as ``file(_:environment:)`` files it; an account's stream keeps its account id.
    mutating func file(_ stream: RecordedStream) -> RecordedStream {
        guard !stream.isAccountStream else { return stream }
        return RecordedStream(
            environment: stream.environment, epic: file(stream.epic, environment: stream.environment),
            stream: stream.stream)
    }
}
