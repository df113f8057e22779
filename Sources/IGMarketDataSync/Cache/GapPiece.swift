import IGMarketData

/// One part of a range the store lacks, as ``PriceCache`` fills it: bars built from a finer series the store holds,
/// or bars asked of IG.
enum GapPiece: Sendable, Hashable {
    /// The bars starting in `span` (whole bars of the requested resolution) built from the bars `source` stores there.
    case derive(source: SeriesKey, span: TimeRange)
    /// The bars starting in the range, asked of IG and stored.
    case fetch(TimeRange)

    /// The range the piece fills.
    var range: TimeRange {
        switch self {
        case .derive(_, let span): span
        case .fetch(let range): range
        }
    }
}
