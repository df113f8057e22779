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

    var series: [SeriesStatus]
    var allowance: [Allowance]
    /// Shared work units not done yet.
    var queue: [QueuedUnit]
    /// Streams `ig record` recorded.
    var recordings: [RecordingStatus]
}
