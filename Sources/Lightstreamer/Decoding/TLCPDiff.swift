/// The TLCP-diff format (`^T` field values, TLCP Appendix D).
///
/// A diff is a sequence of sections in the fixed cycle COPY, ADD, DEL, COPY, … (it may stop after any section):
/// COPY(n) copies the next n characters of the base, ADD(n) appends the n characters that follow in the diff, DEL(n)
/// skips n characters of the base. Counts are base-26 numbers written as uppercase letters (`A` = 0) ended by one
/// lowercase letter (`a` = 0), decoded as the official client does (`n = n * 26 + digit`). Characters are UTF-16
/// code units; the protocol guarantees no surrogate pairs.
public enum TLCPDiff {
    /// Applies `diff` (already percent-decoded) to `base`.
    ///
    /// - Throws: ``TLCPDiffError`` if the diff is malformed or reaches past the end of `base`.
    public static func apply(_ diff: some StringProtocol, to base: some StringProtocol) throws(TLCPDiffError) -> String
    {
        let baseUnits = Array(base.utf16)
        var diffUnits = diff.utf16.makeIterator()
        var result: [UInt16] = []
        result.reserveCapacity(baseUnits.count)
        var basePosition = 0
        var section = 0  // 0 = COPY, 1 = ADD, 2 = DEL
        while let count = try readNumber(&diffUnits) {
            switch section {
            case 0:
                guard basePosition + count <= baseUnits.count else { throw .copyPastEnd }
                result.append(contentsOf: baseUnits[basePosition..<basePosition + count])
                basePosition += count
            case 1:
                for _ in 0..<count {
                    guard let unit = diffUnits.next() else { throw .truncatedAdd }
                    result.append(unit)
                }
            default:
                guard basePosition + count <= baseUnits.count else { throw .deletePastEnd }
                basePosition += count
            }
            section = (section + 1) % 3
        }
        return String(decoding: result, as: UTF16.self)
    }

    /// Reads one encoded number; `nil` at the clean end of the diff.
    private static func readNumber(_ units: inout some IteratorProtocol<UInt16>) throws(TLCPDiffError) -> Int? {
        guard var unit = units.next() else { return nil }
        var value = 0
        while true {
            switch unit {
            case 0x41...0x5A:  // A-Z: a non-final digit
                value = value * 26 + Int(unit - 0x41)
            case 0x61...0x7A:  // a-z: the final digit
                return value * 26 + Int(unit - 0x61)
            default:
                throw .invalidNumber
            }
            guard value < Int.max / 26 - 26 else { throw .invalidNumber }
            guard let next = units.next() else { throw .invalidNumber }
            unit = next
        }
    }
}
