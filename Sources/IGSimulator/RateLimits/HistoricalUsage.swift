import Foundation

/// One account's use of the weekly historical-data allowance.
struct HistoricalUsage: Sendable, Hashable {
    /// When the current weekly period began.
    var periodStart: Date
    /// Points served in it.
    var used: Int
}
