import Foundation
import IGModels

/// UTC date parsing for targets files.
enum SyncDates {
    /// `yyyy-MM-ddTHH:mm:ss` or `yyyy-MM-dd` (midnight), UTC.
    static func parse(_ text: String) -> Date? {
        if let date = IGDateFormat.iso.date(from: text) { return date }
        return IGDateFormat.iso.date(from: text + "T00:00:00")
    }
}
