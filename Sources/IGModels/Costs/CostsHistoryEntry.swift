public import Foundation

/// One earlier quote of `GET /indicativecostsandcharges/history/from/{from}/to/{to}`.
public struct CostsHistoryEntry: Codable, Sendable, Hashable {
    /// When the quote was made, as IG sent it (ISO 8601).
    public var createdTimestamp: String?
    /// `BUY` or `SELL`.
    public var direction: Direction?
    /// The quote's reference.
    public var indicativeQuoteReference: String
    /// The instrument's name.
    public var instrumentName: String?
    /// `OPEN`, `CLOSE` or `EDIT`.
    public var type: String?

    /// ``createdTimestamp`` as a UTC date, when it can be read.
    public var created: Date? {
        createdTimestamp.flatMap { IGDateFormat.date(fromISOWithOffset: $0) }
    }
}
