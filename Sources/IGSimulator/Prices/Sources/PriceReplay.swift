import Foundation

/// Recorded prices the simulator replays instead of its synthetic path (`--prices store`).
///
/// Built from bars per epic (see ``ReplayBar``; `PriceReplay.load(from:…)` reads them from a market-data store).
/// Every consumer of prices sees the recording: REST history and markets, the Lightstreamer PRICE, MARKET and CHART
/// items and the dealing engine's fills, stops, limits and orders. A bar becomes visible when it closes; gaps stay
/// gaps. Epics the recording does not hold are refused with IG's errors instead of being made up.
///
/// The unit of replay is a bar of ``resolution``; recorded ticks can plug in later as bars of one second (a
/// ``ReplaySeries`` only needs sorted bars of a fixed length).
public final class PriceReplay: Sendable, Hashable {
    /// The resolution of the recorded bars.
    public let resolution: PriceResolution
    /// Series by price-profile key (epics sharing a profile share the recording).
    let series: [String: ReplaySeries]
    /// Series by epic (upper case): the epics the recording holds.
    let seriesByEpic: [String: ReplaySeries]

    /// A replay of `bars` (per epic) of `resolution`; epics the catalog does not know are ignored, so are epics
    /// without a usable bar.
    ///
    /// - Throws: ``PriceReplayError`` for a calendar resolution (WEEK, MONTH) or when no epic is left to replay.
    public init(
        bars: [String: [ReplayBar]], resolution: PriceResolution, catalog: Catalog = Catalog()
    ) throws(PriceReplayError) {
        guard let seconds = resolution.fixedSeconds else { throw .unsupportedResolution(resolution.rawValue) }
        var byKey = [String: ReplaySeries]()
        var byEpic = [String: ReplaySeries]()
        for (epic, epicBars) in bars.sorted(by: { $0.key < $1.key }) {
            guard let instrument = catalog.instrument(epic: epic),
                let series = ReplaySeries(
                    bars: epicBars, barSeconds: seconds, decimalPlaces: instrument.priceProfile.decimalPlaces)
            else { continue }
            byEpic[epic.uppercased()] = series
            if byKey[instrument.priceProfile.key] == nil { byKey[instrument.priceProfile.key] = series }
        }
        guard !byEpic.isEmpty else { throw .empty }
        self.resolution = resolution
        self.series = byKey
        self.seriesByEpic = byEpic
    }

    /// The epics replayed, upper case, sorted.
    public var epics: [String] { self.seriesByEpic.keys.sorted() }

    /// True when the recording holds `epic`.
    public func holds(epic: String) -> Bool { self.seriesByEpic[epic.uppercased()] != nil }

    /// The instants the recording of `epic` spans: the first bar's start and the last bar's end; nil when not held.
    public func span(epic: String) -> (start: Date, end: Date)? {
        guard let span = self.seriesByEpic[epic.uppercased()]?.span else { return nil }
        return (
            Date(timeIntervalSince1970: TimeInterval(span.start)), Date(timeIntervalSince1970: TimeInterval(span.end))
        )
    }

    /// The earliest bar start over every epic.
    public var start: Date? {
        self.seriesByEpic.values.map(\.span.start).min().map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    /// Identity: two replays are equal when they are the same object.
    public static func == (lhs: PriceReplay, rhs: PriceReplay) -> Bool { lhs === rhs }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
