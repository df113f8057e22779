import Foundation
import Lightstreamer

/// Reads one item update's values by field name.
struct IGFieldReader {
    let fields: [String: Int]
    let update: TLCPItemUpdate

    func string(_ name: String) -> String? {
        guard let index = fields[name], index < update.values.count else { return nil }
        return update.values[index]
    }

    func decimal(_ name: String) -> Decimal? {
        guard let text = string(name), !text.isEmpty else { return nil }
        return IGStreamingValues.decimal(text)
    }

    func int(_ name: String) -> Int? {
        guard let text = string(name) else { return nil }
        return Int(text) ?? IGStreamingValues.decimal(text).map { NSDecimalNumber(decimal: $0).intValue }
    }

    /// Epoch milliseconds → `Date`.
    func epochMillis(_ name: String) -> Date? {
        guard let text = string(name), let millis = Int64(text) ?? Double(text).map({ Int64($0) }) else { return nil }
        return Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    func isChanged(_ name: String) -> Bool {
        guard let index = fields[name] else { return false }
        return update.changedFields.contains(index)
    }

    /// The names of the fields that changed with this update.
    func changedNames(_ schema: [String]) -> Set<String> {
        Set(update.changedFields.compactMap { $0 < schema.count ? schema[$0] : nil })
    }
}
