import Foundation

/// Time helpers shared by the store: UTC seconds and their ISO 8601 text.
enum StoreTime {
    /// `yyyy-MM-ddTHH:mm:ssZ` of a second since 1970, computed without a formatter (the year has at least four digits,
    /// and a `-` before year 0, which is the year before 1).
    static func iso(_ second: Int64) -> String {
        var (days, secondOfDay) = second.quotientAndRemainder(dividingBy: 86_400)
        if secondOfDay < 0 {
            days -= 1
            secondOfDay += 86_400
        }
        let (year, month, day) = BarClock.civil(days: days)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let digits = String(year.magnitude)
        let yearText = (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):"
            + "\(two(secondOfDay % 60))Z"
    }

    /// The second since 1970 of a time written as ``iso(_:)`` writes it, optionally with a fraction of a second
    /// (`.123`, dropped); nil for any other text, a date that does not exist (such as February 30), or a year of more
    /// than nine digits.
    static func second(iso text: String) -> Int64? {
        guard text.hasSuffix("Z"), text.utf8.count <= 40 else { return nil }
        var whole = Substring(text.dropLast())
        if let dot = whole.firstIndex(of: ".") {
            let fraction = whole[whole.index(after: dot)...]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            whole = whole[..<dot]
        }
        let negative = whole.hasPrefix("-")
        let fields = whole.dropFirst(negative ? 1 : 0).split(
            omittingEmptySubsequences: false, whereSeparator: { "-T:".contains($0) })
        guard fields.count == 6, fields.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            fields[0].count <= 9, let year = Int64(fields[0]), let month = Int64(fields[1]),
            let day = Int64(fields[2]), let hour = Int64(fields[3]), let minute = Int64(fields[4]),
            let second = Int64(fields[5]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let days = BarClock.days(year: negative ? -year : year, month: month, day: day)
        let total = days * 86_400 + hour * 3600 + minute * 60 + second
        // Written back, it must read the same: this refuses February 30, hour 24 and the like.
        return iso(total) == whole + "Z" ? total : nil
    }

    /// The most seconds from 1970, either way, that JSON writes as text (``iso(_:)``): years of up to nine digits.
    static let textLimit: Int64 = 31_000_000_000_000_000

    /// Encodes a second since 1970 as ``iso(_:)`` text, or as the number beyond ``textLimit``.
    static func encode<Key: CodingKey>(
        second: Int64, forKey key: Key, in container: inout KeyedEncodingContainer<Key>
    ) throws {
        if second.magnitude <= textLimit.magnitude {
            try container.encode(iso(second), forKey: key)
        } else {
            try container.encode(second, forKey: key)
        }
    }

    /// Decodes a second since 1970 written as ``iso(_:)`` text (as ``encode(second:forKey:in:)`` writes it) or as a
    /// number (as earlier versions wrote it).
    static func decodeSecond<Key: CodingKey>(forKey key: Key, in container: KeyedDecodingContainer<Key>) throws -> Int64
    {
        if let number = try? container.decode(Int64.self, forKey: key) { return number }
        let text = try container.decode(String.self, forKey: key)
        guard let second = second(iso: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container, debugDescription: "\(text) is not a UTC time such as 2025-03-03T10:00:00Z.")
        }
        return second
    }

    /// Encodes a millisecond since 1970 as ISO text with milliseconds (`…:05.250Z`), or as the number beyond
    /// ``textLimit`` seconds.
    static func encode<Key: CodingKey>(
        millisecond: Int64, forKey key: Key, in container: inout KeyedEncodingContainer<Key>
    ) throws {
        let second = RecordingTime.floorSeconds(millisecond)
        guard second.magnitude <= textLimit.magnitude else { return try container.encode(millisecond, forKey: key) }
        let fraction = String(millisecond - second * 1000)
        let text = iso(second).dropLast() + "." + String(repeating: "0", count: 3 - fraction.count) + fraction + "Z"
        try container.encode(text, forKey: key)
    }

    /// Decodes a millisecond since 1970 written as ISO text (up to three decimals of a second) or as a number.
    static func decodeMillisecond<Key: CodingKey>(
        forKey key: Key, in container: KeyedDecodingContainer<Key>
    ) throws -> Int64 {
        if let number = try? container.decode(Int64.self, forKey: key) { return number }
        let text = try container.decode(String.self, forKey: key)
        let fraction = text.split(separator: ".").dropFirst().first.map { $0.dropLast() } ?? ""
        guard let second = second(iso: text), fraction.count <= 3, let digits = Int64("0" + fraction) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: container,
                debugDescription: "\(text) is not a UTC time such as 2025-03-03T10:00:00.250Z.")
        }
        return second * 1000 + digits * [1, 100, 10, 1][fraction.count]
    }
}
