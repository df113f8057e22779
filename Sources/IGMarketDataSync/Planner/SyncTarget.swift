import Foundation
public import IGMarketData
public import IGModels

/// What `ig history sync` should hold: an epic at a resolution over a range of bar starts.
public struct SyncTarget: Sendable, Hashable, Codable {
    /// The market.
    public var epic: Epic
    /// The bar size.
    public var resolution: Resolution
    /// The bar starts wanted, `[start, end)`.
    public var range: TimeRange

    /// A target from its parts.
    public init(epic: Epic, resolution: Resolution, range: TimeRange) {
        self.epic = epic
        self.resolution = resolution
        self.range = range
    }

    /// A bad line of a targets file.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The line number, from 1.
        public var line: Int
        /// The line as written.
        public var text: String
        /// What is wrong with it.
        public var reason: String
        /// The line, the reason and the expected form.
        public var description: String {
            "Targets line \(line) ('\(text)'): \(reason). Write EPIC RESOLUTION FROM TO, e.g. "
                + "CS.D.EURUSD.TODAY.IP MINUTE 2026-01-05T00:00:00 2026-01-10T00:00:00 (UTC)."
        }
    }

    /// Parses a targets file: one `EPIC RESOLUTION FROM TO` per line (UTC `yyyy-MM-ddTHH:mm:ss`, `TO` exclusive);
    /// blank lines and lines starting with `#` are skipped.
    public static func parse(file text: String) throws(ParseError) -> [SyncTarget] {
        var targets: [SyncTarget] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
            guard fields.count == 4 else {
                throw ParseError(line: index + 1, text: line, reason: "expected 4 fields, found \(fields.count)")
            }
            let resolution: Resolution
            do { resolution = try Resolution(parsing: fields[1]) } catch {
                throw ParseError(line: index + 1, text: line, reason: error.description)
            }
            guard let from = SyncDates.parse(fields[2]), let to = SyncDates.parse(fields[3]) else {
                throw ParseError(line: index + 1, text: line, reason: "unreadable date")
            }
            guard to > from else { throw ParseError(line: index + 1, text: line, reason: "TO must be after FROM") }
            targets.append(
                SyncTarget(
                    epic: Epic(rawValue: fields[0]), resolution: resolution, range: TimeRange(from: from, to: to)))
        }
        return targets
    }
}
