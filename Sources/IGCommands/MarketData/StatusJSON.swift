import Foundation
import IGMarketData

/// `ig history status --format json`.
struct StatusJSON: Encodable {
    /// One account's allowance in one environment: the environment's name beside the status's own fields.
    struct Allowance: Encodable {
        var environment: String
        var status: AllowanceStatus

        func encode(to encoder: any Encoder) throws {
            try status.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(environment, forKey: .environment)
        }

        enum Key: String, CodingKey { case environment }
    }

    /// The market details last seen for an epic of a series, without IG's whole body (`ig history show` and the
    /// store's `markets` table have it).
    struct Market: Encodable {
        var environment: String
        var epic: String
        var name: String?
        var instrumentType: String?
        var scalingFactor: Decimal?
        var updatedAt: Date
    }

    var series: [SeriesStatus]
    var allowance: [Allowance]
    /// Shared work units not done yet.
    var queue: [QueuedUnit]
    /// Streams `ig record` recorded.
    var recordings: [RecordingStatus]
    /// The market details the store holds for the series' epics.
    var markets: [Market] = []

    /// The name stored for `epic` in `environment`, if any.
    func name(of epic: String, in environment: String) -> String? {
        markets.first { $0.epic == epic && $0.environment == environment }?.name
    }
}
