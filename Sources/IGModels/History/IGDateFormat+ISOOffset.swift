public import Foundation

extension IGDateFormat {
    /// Reads `yyyy-MM-dd'T'HH:mm:ss[.SSS]` followed by `Z` or a `±HH:mm` offset, as a UTC instant.
    public static func date(fromISOWithOffset text: String) -> Date? {
        if let plain = IGDateFormat.iso.date(from: text) { return plain }
        guard text.count >= 25 else { return nil }
        let offsetPart = text.suffix(6)
        let sign: Double
        switch offsetPart.first {
        case "+": sign = 1
        case "-": sign = -1
        default: return nil
        }
        let digits = offsetPart.dropFirst().split(separator: ":")
        guard digits.count == 2, let hours = Double(digits[0]), let minutes = Double(digits[1]),
            let local = IGDateFormat.iso.date(from: text.dropLast(6))
        else { return nil }
        return local.addingTimeInterval(-sign * (hours * 3600 + minutes * 60))
    }

    /// Prints a UTC instant as `yyyy-MM-dd'T'HH:mm:ss.SSS+00:00`, the layout of the costs history path.
    public static func isoWithOffset(_ date: Date) -> String {
        IGDateFormat.iso.string(from: date) + ".000+00:00"
    }
}
