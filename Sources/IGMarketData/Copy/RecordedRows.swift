import IGModels

/// Where the rows of a recorded stream are kept, and the key that picks them: a market's ticks or PRICE updates by
/// epic, an account's ACCOUNT or TRADE updates by item (`ACCOUNT:ID`). Candle streams have none here: their candles
/// are bars.
enum RecordedRows: Sendable, Hashable {
    case ticks(epic: String)
    case prices(epic: String)
    case accountUpdates(item: String)

    /// The rows of `stream`; nil for a candle stream and for a stream name the recorder does not write.
    init?(_ stream: RecordedStream) {
        switch stream.stream {
        case RecordedStream.ticks: self = .ticks(epic: stream.epic.rawValue)
        case RecordedStream.prices: self = .prices(epic: stream.epic.rawValue)
        case RecordedStream.account, RecordedStream.trade:
            self = .accountUpdates(item: "\(stream.stream):\(stream.epic.rawValue)")
        default: return nil
        }
    }

    /// The table.
    var table: String {
        switch self {
        case .ticks: "ticks"
        case .prices: "price_updates"
        case .accountUpdates: "account_updates"
        }
    }

    /// The column that picks the stream's rows within an environment.
    var keyColumn: String {
        switch self {
        case .ticks, .prices: "epic"
        case .accountUpdates: "item"
        }
    }

    /// The value of ``keyColumn``.
    var key: String {
        switch self {
        case .ticks(let epic), .prices(let epic): epic
        case .accountUpdates(let item): item
        }
    }
}
