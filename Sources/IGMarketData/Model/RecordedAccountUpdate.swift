import Foundation

/// One `ACCOUNT:{accountId}` or `TRADE:{accountId}` update as IG sent it, for the account's audit trail: the item,
/// the time the recorder received it (milliseconds since 1970, UTC) and the fields of the event as a JSON object
/// (`{"CONFIRMS": "{…IG's JSON…}"}`, `{"PNL": "-12.5", "FUNDS": "9987.5"}`; a field sent as null is `null`).
///
/// Identified by environment, item, time and ``sequence`` (distinct updates of one item in one millisecond), so a
/// batch written twice adds no row.
public struct RecordedAccountUpdate: Sendable, Hashable, Codable {
    /// The item, e.g. `TRADE:ABC123`.
    public var item: String
    /// When the recorder received it (ms since 1970, UTC).
    public var time: Int64
    /// Position among updates of the item received in the same millisecond (0 for the first).
    public var sequence: Int
    /// The event's fields as a JSON object, keys sorted.
    public var update: String

    /// An update.
    public init(item: String, time: Int64, sequence: Int = 0, update: String) {
        self.item = item
        self.time = time
        self.sequence = sequence
        self.update = update
    }

    /// The JSON object of `fields` (strings) and `nulls` (null), keys sorted.
    public static func json(fields: [String: String], nulls: Set<String> = []) -> String {
        var object: [String: String?] = fields.mapValues { .some($0) }
        for name in nulls where object[name] == nil { object[name] = .some(nil) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(object), let text = String(data: data, encoding: .utf8) else {
            return "{}"
        }
        return text
    }

    /// The fields of ``update`` (null fields as nil); nil when it is not a JSON object of strings.
    public var fields: [String: String?]? {
        try? JSONDecoder().decode([String: String?].self, from: Data(update.utf8))
    }
}
