import Foundation
import IGModels

extension Tabular {
    /// The columns of a table of one market's mid prices: its prices line up on the point.
    static let barColumns: [TextTable.Column] = [
        .init(title: "TIME (UTC)"), .init(title: "OPEN", alignment: .decimal),
        .init(title: "HIGH", alignment: .decimal), .init(title: "LOW", alignment: .decimal),
        .init(title: "CLOSE", alignment: .decimal), .init(title: "SPREAD", alignment: .decimal),
        .init(title: "VOLUME", alignment: .right),
    ]

    /// Mid prices of a price table, like ``bars(_:)``.
    static func bars(_ table: PriceTable) -> Tabular {
        Tabular(
            columns: barColumns,
            rows: table.rows.map { row in
                let mid = row.mid
                return [
                    IGDateFormat.spaced.string(from: row.time), text(mid.open), text(mid.high), text(mid.low),
                    text(mid.close), text(row.spread), text(row.volume),
                ]
            },
            json: table)
    }

    /// Bid, ask and last columns of a price table, like ``barsDetailed(_:)``.
    static func barsDetailed(_ table: PriceTable) -> Tabular {
        var columns: [TextTable.Column] = [.init(title: "time")]
        for side in ["open", "high", "low", "close"] {
            columns += [.init(title: "\(side)_bid"), .init(title: "\(side)_ask"), .init(title: "\(side)_last")]
        }
        columns.append(.init(title: "volume"))
        let rows = table.rows.map { row in
            var cells = [IGDateFormat.iso.string(from: row.time) + "Z"]
            let quotes = [
                (row.bid.open, row.ask.open, row.lastTraded.open), (row.bid.high, row.ask.high, row.lastTraded.high),
                (row.bid.low, row.ask.low, row.lastTraded.low), (row.bid.close, row.ask.close, row.lastTraded.close),
            ]
            for (bid, ask, last) in quotes {
                cells += [
                    bid.map(DecimalBits.text) ?? "", ask.map(DecimalBits.text) ?? "", last.map(DecimalBits.text) ?? "",
                ]
            }
            cells.append(row.volume.map(DecimalBits.text) ?? "")
            return cells
        }
        return Tabular(columns: columns, rows: rows, json: table)
    }
}
