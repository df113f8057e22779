import Foundation

/// Prices from outside the simulator's synthetic engine: recorded prices replayed (`--prices store`) or live quotes
/// relayed from IG (`--prices live`, paper trading).
///
/// A recording is built from bars per epic (see ``ReplayBar``) and recorded ticks (see ``ReplayTickRecording``);
/// `PriceReplay.load(from:…)` reads both from a market-data store. A live source starts empty
/// (``live(epics:catalog:)``) and grows with every quote passed to ``receive(epic:bid:offer:at:)``. Every consumer
/// of prices sees the same prices: REST history and markets, the Lightstreamer PRICE, MARKET and CHART items and the
/// dealing engine's fills, stops, limits and orders. A bar becomes visible when it closes; gaps stay gaps. Epics
/// the source does not hold are refused with IG's errors instead of being made up.
public final class PriceReplay: Sendable, Hashable {
    /// The resolution of the recorded bars (SECOND for a live source).
    public let resolution: PriceResolution
    /// Recorded series by price-profile key and quote precision (see ``series(for:)``).
    private let series: [String: ReplaySeries]
    /// Recorded series by epic (upper case): the epics the recording holds.
    private let seriesByEpic: [String: ReplaySeries]
    /// Live series by epic (upper case), growing; nil for a recording.
    private let live: Locked<[String: ReplaySeries]>?
    /// For a live source: the price profile key of each epic (upper case) and its quote precision.
    private let liveProfiles: [String: (key: String, decimalPlaces: Int)]

    /// A replay of `bars` (per epic) of `resolution` and of recorded `ticks` (per epic); epics the catalog does not
    /// know are ignored, so are epics without a usable bar or tick.
    ///
    /// Bars and ticks are read in the instrument's quoting (the catalog's decimal places: spread-bet FX in points,
    /// CFD FX raw), as a recorder of this simulator or of IG stores them.
    ///
    /// - Throws: ``PriceReplayError`` with the code ``PriceReplayError/Code/unsupportedResolution`` for a calendar
    ///   resolution (WEEK, MONTH) or ``PriceReplayError/Code/empty`` when no epic is left to replay.
    public init(
        bars: [String: [ReplayBar]], resolution: PriceResolution, catalog: Catalog = Catalog(),
        ticks: [String: ReplayTickRecording] = [:]
    ) throws(PriceReplayError) {
        guard let seconds = resolution.fixedSeconds else { throw .unsupportedResolution(resolution) }
        var byKey = [String: ReplaySeries]()
        var byEpic = [String: ReplaySeries]()
        var tickRecordings = [String: ReplayTickRecording]()
        for (epic, recording) in ticks { tickRecordings[epic.uppercased()] = recording }
        var barsByEpic = [String: [ReplayBar]]()
        for (epic, epicBars) in bars { barsByEpic[epic.uppercased(), default: []] += epicBars }
        for epic in Set(barsByEpic.keys).union(tickRecordings.keys).sorted() {
            guard let instrument = catalog.instrument(epic: epic),
                let series = ReplaySeries(
                    bars: barsByEpic[epic] ?? [], barSeconds: seconds,
                    decimalPlaces: instrument.priceProfile.decimalPlaces,
                    ticks: tickRecordings[epic] ?? ReplayTickRecording())
            else { continue }
            byEpic[epic] = series
            let key = Self.profileKey(instrument.priceProfile)
            if byKey[key] == nil { byKey[key] = series }
        }
        guard !byEpic.isEmpty else { throw .empty }
        self.resolution = resolution
        self.series = byKey
        self.seriesByEpic = byEpic
        self.live = nil
        self.liveProfiles = [:]
    }

    private init(liveProfiles: [String: (key: String, decimalPlaces: Int)]) {
        self.resolution = .second
        self.series = [:]
        self.seriesByEpic = [:]
        self.liveProfiles = liveProfiles
        self.live = Locked(liveProfiles.mapValues { _ in ReplaySeries(live: ()) })
    }

    /// A live source for paper trading: `epics` (those the catalog knows) start without a price and take every
    /// quote given to ``receive(epic:bid:offer:at:)``. Orders never leave the simulator: this type has no way to
    /// reach IG, it only receives prices.
    ///
    /// - Throws: ``PriceReplayError`` with the code ``PriceReplayError/Code/empty`` when the catalog knows none of
    ///   `epics`.
    public static func live(epics: [String], catalog: Catalog = Catalog()) throws(PriceReplayError) -> PriceReplay {
        var profiles = [String: (key: String, decimalPlaces: Int)]()
        for epic in epics {
            guard let instrument = catalog.instrument(epic: epic) else { continue }
            profiles[epic.uppercased()] = (
                Self.profileKey(instrument.priceProfile), instrument.priceProfile.decimalPlaces
            )
        }
        guard !profiles.isEmpty else { throw .empty }
        return PriceReplay(liveProfiles: profiles)
    }

    /// True for a live source (paper trading).
    public var isLive: Bool { self.live != nil }

    /// Takes a live quote of `epic` (in the instrument's quoting) at `time` on the simulator's clock; ignored for a
    /// recording, for an epic the source does not hold and for a quote that is not a positive finite number.
    public func receive(epic: String, bid: Double, offer: Double, at time: Date) {
        guard let live = self.live, let profile = self.liveProfiles[epic.uppercased()] else { return }
        let scale = PriceProfile.powerOfTen(profile.decimalPlaces)
        let bidTicks = (bid * scale).rounded()
        let offerTicks = (offer * scale).rounded()
        let second = time.timeIntervalSince1970.rounded(.down)
        guard bidTicks.isFinite, offerTicks.isFinite, bidTicks > 0, offerTicks >= bidTicks, bidTicks < 1e15,
            offerTicks < 1e15, second.isFinite, abs(second) < 1e12
        else { return }
        live.withLock { series in
            series[epic.uppercased()]?.append(bid: Int64(bidTicks), offer: Int64(offerTicks), second: Int64(second))
        }
    }

    /// The series a price profile reads: the recording's, or the live one of an epic with that profile. Epics
    /// sharing a profile key share it only when they quote with the same precision: markets of one underlying quoted
    /// in another unit (spot gold in cents of a dollar, its futures in dimes) each need their own recording, so a
    /// recording is never read at another market's scale.
    func series(for profile: PriceProfile) -> ReplaySeries? {
        self.series(forKey: Self.profileKey(profile))
    }

    private static func profileKey(_ profile: PriceProfile) -> String { "\(profile.key)#\(profile.decimalPlaces)" }

    private func series(forKey key: String) -> ReplaySeries? {
        guard let live else { return self.series[key] }
        guard let epic = self.liveProfiles.first(where: { $0.value.key == key })?.key else { return nil }
        return live.withLock { $0[epic] }
    }

    /// The epics replayed, upper case, sorted.
    public var epics: [String] {
        self.live != nil ? self.liveProfiles.keys.sorted() : self.seriesByEpic.keys.sorted()
    }

    /// True when the source holds `epic`.
    public func holds(epic: String) -> Bool {
        self.live != nil ? self.liveProfiles[epic.uppercased()] != nil : self.seriesByEpic[epic.uppercased()] != nil
    }

    private func series(epic: String) -> ReplaySeries? {
        if let live { return live.withLock { $0[epic.uppercased()] } }
        return self.seriesByEpic[epic.uppercased()]
    }

    /// The instants the prices of `epic` span: the first bar's start and the last bar's end; nil when not held or
    /// (live) before its first quote.
    public func span(epic: String) -> (start: Date, end: Date)? {
        guard let series = self.series(epic: epic), !series.closes.isEmpty else { return nil }
        let span = series.span
        return (
            Date(timeIntervalSince1970: TimeInterval(span.start)), Date(timeIntervalSince1970: TimeInterval(span.end))
        )
    }

    /// The earliest bar start over every epic.
    public var start: Date? {
        self.epics.compactMap { self.span(epic: $0)?.start }.min()
    }

    /// Identity: two replays are equal when they are the same object.
    public static func == (lhs: PriceReplay, rhs: PriceReplay) -> Bool { lhs === rhs }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}
