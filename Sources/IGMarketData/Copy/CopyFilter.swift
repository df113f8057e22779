import IGModels

/// The epics and resolutions a copy between stores is limited to (empty: all), epics in any letter case.
///
/// Recorded streams: a market's (ticks, PRICE updates, candles) by its epic; an account's (`ACCOUNT`, `TRADE`, filed
/// under the account id in place of an epic) when no epic is chosen or its account id is. With resolutions chosen, a
/// candle stream goes with its bars' resolution, and streams that have none (ticks, PRICE and account updates) are
/// left out.
struct CopyFilter: Sendable {
    /// The epics chosen, in capitals.
    let epics: Set<String>
    /// The resolutions chosen, by IG's names.
    let resolutions: Set<String>

    init(epics: [Epic], resolutions: [Resolution]) {
        self.epics = Set(epics.map { $0.rawValue.uppercased() })
        self.resolutions = Set(resolutions.map(\.rawValue))
    }

    func admits(_ key: SeriesKey) -> Bool {
        admits(epic: key.epic.rawValue) && admits(resolution: key.resolution.rawValue)
    }

    func admits(_ stream: RecordedStream) -> Bool {
        guard admits(epic: stream.epic.rawValue) else { return false }
        guard !resolutions.isEmpty else { return true }
        return stream.candleResolution.map { resolutions.contains($0.rawValue) } ?? false
    }

    func admits(epic: String) -> Bool { epics.isEmpty || epics.contains(epic.uppercased()) }

    func admits(resolution: String) -> Bool { resolutions.isEmpty || resolutions.contains(resolution) }
}
