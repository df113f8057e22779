import ArgumentParser
import Foundation
import IGModels

/// The form of IG's epics (`[A-Za-z0-9._]{6,30}`, as IG's API documents them), checked before a command that asks IG
/// for an epic logs in: an empty epic, a space or a `:` would reach IG as a request it refuses with a reason that
/// names something else ("invalid group", "IG does not know this resource").
enum EpicText {
    /// Refuses `text` with a reason when it is not an epic.
    static func validate(_ text: String) throws {
        guard !Epic(rawValue: text).hasIGForm else { return }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let spaces =
            trimmed != text && Epic(rawValue: trimmed).hasIGForm ? " (it has spaces around it: give '\(trimmed)')" : ""
        throw ValidationError(
            "'\(text)' is not an epic\(spaces): IG's are 6 to 30 letters, digits, dots and underscores, e.g. "
                + "CS.D.EURUSD.TODAY.IP (`ig markets search TEXT` finds one).")
    }
}
