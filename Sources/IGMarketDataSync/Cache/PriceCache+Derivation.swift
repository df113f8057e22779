import IGMarketData
import IGModels

extension PriceCache {
    /// How the ranges `gaps` (of `key`, oldest first) that the store lacks are filled, oldest first: with
    /// ``derivesCoarserBars``, the whole bars that stored finer bars cover are built from them and only the rest is
    /// fetched (``plan(_:_:sources:)``); without, every gap is fetched. ``table(epic:resolution:from:to:now:)`` fills
    /// the gaps this way and ``pointsToFetch(epic:resolution:from:to:now:)`` counts the bars of its fetched pieces, so
    /// the estimate and the request agree.
    func pieces(_ key: SeriesKey, gaps: [TimeRange]) async throws(PriceCacheError) -> [GapPiece] {
        let fetchAll = gaps.map(GapPiece.fetch)
        guard derivesCoarserBars, gaps.contains(where: { !BarAggregation.span(of: $0, key.resolution).isEmpty }) else {
            return fetchAll
        }
        let sources = try await derivationSources(key)
        guard !sources.isEmpty else { return fetchAll }
        return gaps.flatMap { Self.plan($0, key.resolution, sources: sources) }
    }

    /// The finer series the bars of `key` can be built from (``BarAggregation/finerResolutions(of:)``), coarsest
    /// first, with what the store covers of each; series it holds nothing of are left out.
    func derivationSources(
        _ key: SeriesKey
    ) async throws(PriceCacheError) -> [(key: SeriesKey, coverage: Coverage)] {
        var sources: [(key: SeriesKey, coverage: Coverage)] = []
        for finer in BarAggregation.finerResolutions(of: key.resolution) {
            let finerKey = SeriesKey(environment: key.environment, epic: key.epic, resolution: finer)
            let coverage: Coverage
            do { coverage = try await store.coverage(finerKey) } catch { throw .store(error) }
            if !coverage.ranges.isEmpty { sources.append((finerKey, coverage)) }
        }
        return sources
    }

    /// How one missing range `gap` of bars at `resolution` is filled, oldest first: each bar starting in it whose
    /// whole period a finer source covers (``BarAggregation/wholeBars(of:coveredBy:in:)``; a covered range the market
    /// was closed in counts, as it holds no bar) is built from the coarsest such source, and the parts of `gap` left
    /// over are fetched. `sources` are coarsest first.
    ///
    /// A bar half covered is fetched, whole: its finer bars are not all known. A fetched piece may hold no bar start
    /// (the part of `gap` before its first bar); the caller records it as covered without asking IG.
    static func plan(
        _ gap: TimeRange, _ resolution: Resolution, sources: [(key: SeriesKey, coverage: Coverage)]
    ) -> [GapPiece] {
        let span = BarAggregation.span(of: gap, resolution)
        var open = span.isEmpty ? [] : [span]
        var pieces: [GapPiece] = []
        for source in sources where !open.isEmpty {
            var stillOpen: [TimeRange] = []
            for range in open {
                let bars = BarAggregation.wholeBars(of: resolution, coveredBy: source.coverage, in: range)
                pieces += bars.map { GapPiece.derive(source: source.key, span: $0) }
                stillOpen += uncovered(bars, in: range)
            }
            open = stillOpen
        }
        pieces.sort { $0.range < $1.range }
        // The last derived bar may end after `gap` (it starts in it): only what lies in `gap` is left to fetch.
        pieces += uncovered(pieces.map(\.range), in: gap).map(GapPiece.fetch)
        return pieces.sorted { $0.range < $1.range }
    }

    /// The parts of `range` outside `ranges` (oldest first, not overlapping), oldest first: one pass, however many.
    static func uncovered(_ ranges: [TimeRange], in range: TimeRange) -> [TimeRange] {
        var result: [TimeRange] = []
        var cursor = range.start
        for covered in ranges where covered.end > cursor {
            if covered.start >= range.end { break }
            if covered.start > cursor { result.append(TimeRange(start: cursor, end: covered.start)) }
            cursor = max(cursor, covered.end)
        }
        if cursor < range.end { result.append(TimeRange(start: cursor, end: range.end)) }
        return result
    }

    /// The bars of `resolution` built from the bars the store holds of `source` (a finer series) in `span` (whole
    /// bars of `resolution`): served, never stored.
    func derive(
        _ source: SeriesKey, _ span: TimeRange, to resolution: Resolution
    ) async throws(PriceCacheError) -> [PriceTable.Row] {
        do {
            return BarAggregation.aggregate(try await store.table(source, in: span).rows, to: resolution)
        } catch {
            throw .store(error)
        }
    }
}
