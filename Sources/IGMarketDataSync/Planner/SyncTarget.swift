import Foundation
public import IGMarketData
public import IGModels

/// What a backfill (``BackfillPlan``, `ig history sync`) should fill the store with: an epic at a resolution over a
/// range of bar starts.
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

    /// The bad lines of a targets file: the first, and every other one after it, so that a file is mended in one go.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The line number, from 1.
        public var line: Int
        /// The line as written.
        public var text: String
        /// What is wrong with it.
        public var reason: String
        /// The bad lines after this one, in file order.
        public var further: [ParseError] = []

        /// A bad line.
        public init(line: Int, text: String, reason: String) {
            self.line = line
            self.text = text
            self.reason = reason
        }

        /// Bad lines listed one by one, at most; the rest are counted.
        public static let listed = 10

        /// Each bad line with its reason (the first ``listed``), then the expected form.
        public var description: String {
            var lines = ([self] + further).prefix(Self.listed).map { error in
                let reason = error.reason.hasSuffix(".") ? String(error.reason.dropLast()) : error.reason
                return "Targets line \(error.line) ('\(error.text)'): \(reason)."
            }
            if further.count + 1 > Self.listed {
                let rest = further.count + 1 - Self.listed
                lines.append(
                    "\(rest) more bad line\(rest == 1 ? "" : "s") after line \(([self] + further)[Self.listed - 1].line)."
                )
            }
            return lines.joined(separator: "\n") + " Write EPIC RESOLUTION FROM TO, e.g. "
                + "CS.D.EURUSD.TODAY.IP MINUTE 2026-01-05T00:00:00 2026-01-10T00:00:00 (UTC)."
        }
    }

    /// Parses a targets file: one `EPIC RESOLUTION FROM TO` per line (dates as `UTCDateText` reads them, e.g.
    /// `2026-01-05`, `2026-01-05T10:00` or with an offset; `TO` exclusive); a `#` starts a comment that runs to the
    /// end of its line, blank lines are skipped, and Windows line ends are read as line ends. Every bad line is
    /// reported, not only the first.
    public static func parse(file text: String) throws(ParseError) -> [SyncTarget] {
        var targets: [SyncTarget] = []
        var errors: [ParseError] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            // No epic, resolution or date holds a `#`: what follows one is a comment.
            let line = raw.prefix { $0 != "#" }.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            switch parse(line: line) {
            case .success(let target): targets.append(target)
            case .failure(let reason): errors.append(ParseError(line: index + 1, text: line, reason: reason.text))
            }
        }
        if var first = errors.first {
            first.further = Array(errors.dropFirst())
            throw first
        }
        return targets
    }

    /// Why a line is not a target.
    private struct LineProblem: Error {
        var text: String
    }

    private static func parse(line: String) -> Result<SyncTarget, LineProblem> {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        guard fields.count == 4 else { return .failure(LineProblem(text: "expected 4 fields, found \(fields.count)")) }
        let resolution: Resolution
        do { resolution = try Resolution(parsing: fields[1]) } catch {
            return .failure(LineProblem(text: error.description))
        }
        guard let from = UTCDateText.date(fields[2]), let to = UTCDateText.date(fields[3]) else {
            return .failure(LineProblem(text: "unreadable date (give \(UTCDateText.forms))"))
        }
        guard to > from else { return .failure(LineProblem(text: "TO must be after FROM")) }
        guard Epic(rawValue: fields[0]).hasIGForm else {
            return .failure(
                LineProblem(text: "'\(fields[0])' is not an epic (6 to 30 letters, digits, dots and underscores)"))
        }
        return .success(
            SyncTarget(epic: Epic(rawValue: fields[0]), resolution: resolution, range: TimeRange(from: from, to: to)))
    }
}
