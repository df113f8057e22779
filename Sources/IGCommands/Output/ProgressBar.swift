import Foundation

/// A progress bar for long paged requests, drawn on standard error only when it is a terminal (piped or
/// redirected output gets nothing extra).
struct ProgressBar: Sendable {
    /// What is being fetched, e.g. `prices`.
    var label: String
    /// Whether anything is drawn.
    var isEnabled: Bool

    init(label: String, isEnabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.label = label
        self.isEnabled = isEnabled
    }

    /// Redraws the bar: `done` of `total` units (pages by default), then `detail`.
    func update(done: Int, total: Int, unit: String = "pages", detail: String = "") {
        guard isEnabled else { return }
        let text = Self.render(label: label, done: done, total: total, unit: unit) + detail
        StandardStream.error("\r\u{1B}[2K" + text)
    }

    /// Clears the bar's line.
    func finish() {
        guard isEnabled else { return }
        StandardStream.error("\r\u{1B}[2K")
    }

    /// `prices [██████░░░░░░░░░░░░░░] 3/10 pages`.
    static func render(label: String, done: Int, total: Int, width: Int = 20, unit: String = "pages") -> String {
        let total = max(total, 1)
        let done = min(max(done, 0), total)
        let filled = done * width / total
        return "\(label) [" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            + "] \(done)/\(total) \(unit)"
    }
}
