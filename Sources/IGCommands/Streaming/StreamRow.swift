import Foundation
import IGModels
import IGStreaming

/// A typed streaming update as `ig stream` prints it.
protocol StreamRow: Sendable {
    /// The NDJSON `type`.
    static var kind: String { get }
    /// The table's column titles.
    static var columns: [String] { get }
    /// The table row this update replaces (one row per item).
    var key: String { get }
    /// The table cells.
    var cells: [String] { get }
    /// The NDJSON fields (after `type`).
    var json: [(String, NDJSON.Value)] { get }
    /// The mid price, for the sparkline of recent mids (`nil` for rows without prices).
    var mid: Double? { get }
}

extension StreamRow {
    /// No sparkline by default.
    var mid: Double? { nil }
}
