import Foundation

extension RunReport {
    /// The closed deals and cash movements as CSV (header, then one line per trade), amounts in account currency.
    public var tradesCSV: String {
        var lines = ["closed,opened,instrument,dealId,size,openLevel,closeLevel,profitAndLoss"]
        for trade in self.trades {
            let fields = [
                Self.iso(trade.closed), trade.opened.map(Self.iso) ?? "", Self.csvField(trade.instrumentName),
                trade.dealId, "\(trade.size)", trade.openLevel.map { "\($0)" } ?? "",
                trade.closeLevel.map { "\($0)" } ?? "", "\(trade.profitAndLoss)",
            ]
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The report as JSON (ISO 8601 dates, sorted keys).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(self)
    }

    /// Decodes a report made by ``jsonData()``.
    public static func decode(_ data: Data) throws -> RunReport {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(RunReport.self, from: data)
    }

    static func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
