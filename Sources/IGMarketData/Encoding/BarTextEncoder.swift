import Foundation
public import IGModels

/// Writes bars as text for other tools, in UTF-8 bytes, a page of rows at a time, so that a long series is exported
/// with bounded memory (read it with ``MarketDataStore/table(_:in:limit:)`` page by page).
///
/// The columns are `time` (UTC, ISO 8601 with a `Z`) and the store's value columns (``BarCodec/valueColumns``).
/// Values are written exactly, in plain decimal notation (as `Decimal`'s `description` gives them, never with an
/// exponent); a missing value is an empty CSV field or a JSON `null`.
///
/// ```swift
/// var encoder = BarTextEncoder(format: .csv)
/// var bytes = encoder.opening()
/// encoder.encode(table.rows, into: &bytes)
/// bytes += encoder.closing()
/// ```
public struct BarTextEncoder: Sendable {
    /// The text formats.
    public enum Format: String, Sendable, CaseIterable {
        /// A header line, then one line per bar.
        case csv
        /// One JSON object per line.
        case ndjson
        /// One JSON array of objects.
        case json
    }

    /// The format written.
    public let format: Format
    /// Whether a row has been written (JSON separates rows with commas).
    private var wroteRow = false
    /// The last day written and its `yyyy-MM-dd` text: the bars of a day share it.
    private var day: (number: Int64, text: [UInt8])?

    /// An encoder for `format`.
    public init(format: Format) {
        self.format = format
    }

    /// The bytes that open the output: the CSV header line, or the JSON array's `[`.
    public func opening() -> [UInt8] {
        switch format {
        case .csv: Array((["time"] + BarCodec.valueColumns).joined(separator: ",").utf8) + [UInt8(ascii: "\n")]
        case .ndjson: []
        case .json: [UInt8(ascii: "[")]
        }
    }

    /// The bytes that close the output: the JSON array's `]` and a line end; nothing for CSV and NDJSON.
    public func closing() -> [UInt8] {
        format == .json ? Array("]\n".utf8) : []
    }

    /// Appends `rows` to `output`, in order.
    public mutating func encode(_ rows: some Sequence<PriceTable.Row>, into output: inout [UInt8]) {
        for row in rows {
            encode(row, into: &output)
        }
    }

    private static let jsonKeys: [[UInt8]] = BarCodec.valueColumns.map { Array(",\"\($0)\":".utf8) }

    private mutating func encode(_ row: PriceTable.Row, into output: inout [UInt8]) {
        let values = [
            row.bid.open, row.bid.high, row.bid.low, row.bid.close, row.ask.open, row.ask.high, row.ask.low,
            row.ask.close, row.lastTraded.open, row.lastTraded.high, row.lastTraded.low, row.lastTraded.close,
            row.volume,
        ]
        switch format {
        case .csv:
            appendTime(row.time, to: &output)
            for value in values {
                output.append(UInt8(ascii: ","))
                if let value { DecimalBits.appendText(value, to: &output) }
            }
            output.append(UInt8(ascii: "\n"))
        case .ndjson, .json:
            if format == .json, wroteRow { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: "{\"time\":\"".utf8)
            appendTime(row.time, to: &output)
            output.append(UInt8(ascii: "\""))
            for (key, value) in zip(Self.jsonKeys, values) {
                output.append(contentsOf: key)
                if let value {
                    DecimalBits.appendText(value, to: &output)
                } else {
                    output.append(contentsOf: "null".utf8)
                }
            }
            output.append(UInt8(ascii: "}"))
            if format == .ndjson { output.append(UInt8(ascii: "\n")) }
        }
        wroteRow = true
    }

    /// `yyyy-MM-ddTHH:mm:ssZ`, the day's part from ``IGDateFormat/iso`` (once a day), the time of day by hand.
    private mutating func appendTime(_ time: Date, to output: inout [UInt8]) {
        // Whole seconds, rounded down as `IGDateFormat` does; times beyond ±2^53 s (far outside the years 1-9999 the
        // store keeps) are held there rather than overflow, and a time that is not a number reads as 1970.
        let limit = 9_007_199_254_740_992.0
        let interval = time.timeIntervalSince1970
        let seconds = interval.isNaN ? 0 : Int64(Swift.min(Swift.max(interval.rounded(.down), -limit), limit))
        let dayNumber = RecordingTime.floor(seconds, 86_400)
        if day?.number != dayNumber {
            let text = IGDateFormat.iso.string(from: Date(timeIntervalSince1970: Double(dayNumber) * 86_400))
            day = (dayNumber, Array(text.utf8.prefix { $0 != UInt8(ascii: "T") }))
        }
        output.append(contentsOf: day?.text ?? [])
        let secondOfDay = seconds - dayNumber * 86_400
        output.append(UInt8(ascii: "T"))
        Self.appendTwoDigits(secondOfDay / 3600, to: &output)
        output.append(UInt8(ascii: ":"))
        Self.appendTwoDigits(secondOfDay % 3600 / 60, to: &output)
        output.append(UInt8(ascii: ":"))
        Self.appendTwoDigits(secondOfDay % 60, to: &output)
        output.append(UInt8(ascii: "Z"))
    }

    private static func appendTwoDigits(_ value: Int64, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "0") + UInt8(value / 10))
        output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
