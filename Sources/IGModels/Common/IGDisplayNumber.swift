public import Foundation

/// Numbers IG sends as display text in history bodies: `"+0.60"`, `"-3"`, `"£-1.00"`, `"E1,234.50"`, `"-"`.
public enum IGDisplayNumber {
    /// The number in `text` without its currency prefix and thousands separators; `nil` for `"-"`, empty or
    /// unreadable text.
    public static func decimal(from text: String?) -> Decimal? {
        guard let text else { return nil }
        var digits = ""
        for character in text where character.isASCII {
            switch character {
            case "0"..."9", ".", "-", "+": digits.append(character)
            default: continue
            }
        }
        if digits.hasPrefix("+") { digits.removeFirst() }
        guard digits.contains(where: \.isNumber) else { return nil }
        return Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX"))
    }
}
