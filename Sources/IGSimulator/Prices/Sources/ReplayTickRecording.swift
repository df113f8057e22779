import Foundation

/// The recorded ticks of one market with what the recorder knows of their completeness: the spans it recorded
/// without loss and the gaps in which updates may have been lost. A replay streams the ticks and reports the market
/// as not streaming inside a gap; it never fills a gap with made-up prices.
public struct ReplayTickRecording: Sendable, Hashable {
    /// The ticks, in any order.
    public var ticks: [ReplayTick]
    /// Intervals recorded without loss.
    public var spans: [DateInterval]
    /// Intervals in which updates may have been lost.
    public var gaps: [DateInterval]

    /// A recording from its ticks, spans and gaps (empty by default).
    public init(ticks: [ReplayTick] = [], spans: [DateInterval] = [], gaps: [DateInterval] = []) {
        self.ticks = ticks
        self.spans = spans
        self.gaps = gaps
    }
}
