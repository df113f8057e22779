import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history export EPIC`: stored bars as CSV, NDJSON or JSON, to standard output or a file.
///
/// The bars are read and written a page at a time, so memory stays bounded however long the series; a file appears
/// whole or not at all (it is written under a temporary name and renamed when complete).
struct HistoryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export stored bars as CSV, NDJSON or JSON (no request to IG).",
        discussion: """
            The columns are the store's own, flat in every format: time, bid_open, bid_high, bid_low, bid_close, \
            ask_…, last_…, volume (as the bars table names them, for tools that also read the store). `ig history \
            show` prints what `ig prices` prints instead.
            """)

    /// Export formats.
    enum ExportFormat: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice {
        case csv, ndjson, json

        var encoding: BarTextEncoder.Format {
            switch self {
            case .csv: .csv
            case .ndjson: .ndjson
            case .json: .json
            }
        }
    }

    @OptionGroup var series: HistorySeriesOptions
    @OptionGroup var storeOptions: StoreOptions
    @Option(name: .shortAndLong, help: "csv, ndjson or json.") var format: ExportFormat = .csv
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Write to this file instead of standard output (- for standard output).",
            discussion: "A file is replaced whole when the export is complete and keeps its permissions; a symbolic "
                + "link's target is replaced; a device or pipe is written as it is; /dev/stdout is standard output; "
                + "the store itself is refused."))
    var output: String?

    func validate() throws {
        guard let output else { return }
        if output.isEmpty { throw ValidationError("-o needs a file name, e.g. -o \(suggestedName).") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            let folder = output.hasSuffix("/") ? output : output + "/"
            throw ValidationError("\(output) is a folder: give a file in it, e.g. -o \(folder)\(suggestedName).")
        }
    }

    /// A file name for the series and format, e.g. `CS.D.EURUSD.TODAY.IP-MINUTE.csv`.
    var suggestedName: String {
        let resolution = (try? Resolution(parsing: series.resolution))?.rawValue ?? series.resolution
        return "\(series.epic)-\(resolution).\(format.rawValue)"
    }

    func run() async throws {
        let location = try storeOptions.location()
        try await storeOptions.withExistingStore(location, readOnly: true) { store in
            let key = try await series.key(in: store)
            // A series the store holds, bars or only ranges IG answered as empty, is exported (its header alone);
            // another is refused before the destination is opened, so a file there keeps what it holds.
            let kept = output.flatMap { $0 != "-" && FileManager.default.fileExists(atPath: $0) ? $0 : nil }
            try await EmptySeriesHint.requireStored(
                key, in: store, lead: "Nothing exported" + (kept.map { ", \($0) left as it was" } ?? ""))
            let destination = try ExportDestination(path: output, protecting: StoreOptions.files(of: location))
            let count: Int
            do {
                count = try await Self.export(
                    key, in: series.range(), from: store, as: format.encoding, to: destination)
                try destination.finish()
            } catch {
                destination.abandon()
                throw error
            }
            if let output, output != "-" {
                let summary = "\(counted(count, "bar")) written to \(output)."
                if destination.isFile { Console.line(summary) } else { Console.note(summary) }
            }
            if count == 0 { try await EmptySeriesHint.note(key, rangeGiven: series.rangeGiven, store: store) }
        }
    }

    /// Writes the bars of `key` in `range` to `destination` page by page; returns how many were written.
    static func export(
        _ key: SeriesKey, in range: TimeRange, from store: MarketDataStore, as format: BarTextEncoder.Format,
        to destination: ExportDestination, pageSize: Int = MarketDataStore.defaultPageSize
    ) async throws -> Int {
        var encoder = BarTextEncoder(format: format)
        var bytes = encoder.opening()
        let count = try await store.forEachPage(of: key, in: range, pageSize: pageSize) { page in
            encoder.encode(page.rows, into: &bytes)
            try destination.write(bytes)
            bytes.removeAll(keepingCapacity: true)
        }
        try destination.write(encoder.closing())
        return count
    }
}
