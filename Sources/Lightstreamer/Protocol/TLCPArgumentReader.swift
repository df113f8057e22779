/// Splits the arguments after a tag, comma by comma, over the line's bytes; the last argument may contain commas.
struct TLCPArgumentReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position: Int
    private var exhausted: Bool

    init(bytes: UnsafeBufferPointer<UInt8>, tagEnd: Int) {
        self.bytes = bytes
        position = tagEnd + 1  // skip the comma
        exhausted = tagEnd >= bytes.count
    }

    /// The byte range of the next argument, which must be followed by a comma.
    mutating func nextRange() -> Range<Int>? {
        guard !exhausted else { return nil }
        var index = position
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ",") {
                defer { position = index + 1 }
                return position..<index
            }
            index += 1
        }
        return nil
    }

    /// The byte range of everything left (the last argument, commas included).
    mutating func restRange() -> Range<Int>? {
        guard !exhausted else { return nil }
        exhausted = true
        return position..<bytes.count
    }

    /// The next argument as text (not decoded).
    mutating func next() -> Substring? { nextRange().map(text) }

    /// The last argument as text (not decoded).
    mutating func rest() -> Substring? { restRange().map(text) }

    mutating func nextInt() -> Int? { nextRange().flatMap(int) }

    mutating func restInt() -> Int? { restRange().flatMap(int) }

    /// The percent-decoded last argument, or `""` when absent.
    mutating func restDecoded() -> String { rest().map { TLCPPercentEncoding.decode($0) } ?? "" }

    private func text(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }

    /// Parses a decimal integer (optionally negative) without allocating.
    private func int(_ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        guard index < range.upperBound else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative {
            index += 1
            if index == range.upperBound { return nil }
        }
        var value = 0
        while index < range.upperBound {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(digit))
            if overflow1 || overflow2 { return nil }
            value = sum
            index += 1
        }
        return negative ? -value : value
    }
}
