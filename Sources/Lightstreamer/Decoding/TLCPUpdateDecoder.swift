/// Decodes the field list of a `U` notification against an item's previous values.
///
/// Tokens are separated by raw `|` and read left to right against the schema:
/// - empty: the field is unchanged;
/// - `#`: null; `$`: the empty string;
/// - `^N` (digits): N fields, starting with this one, are unchanged;
/// - `^P…`: a JSON Patch (``JSONPatch``) to apply to the previous value; `^T…`: a TLCP-diff (``TLCPDiff``);
/// - anything else: the value, percent-decoded (UTF-8).
///
/// Lenient where the protocol is silent: an "unchanged" field with no previous value (the first event of an item) is
/// null, fields missing at the end of the list are unchanged (null on a first event), and extra tokens are ignored.
public enum TLCPUpdateDecoder {
    /// Applies `encoded` (the raw fourth argument of a `U` line) to `values` and returns the 0-based positions of the
    /// fields whose value changed, in ascending order. `hasPrevious` is `false` for an item's first event, whose
    /// fields all count as changed.
    ///
    /// `values.count` is the schema's field count. On a thrown error `values` may be partially updated: treat the
    /// item's state as lost.
    public static func apply(
        _ encoded: Substring, to values: inout [String?], hasPrevious: Bool
    )
        throws(TLCPUpdateDecodingError) -> [Int]
    {
        var encoded = encoded
        var outcome: Result<[Int], TLCPUpdateDecodingError> = .success([])
        encoded.withUTF8 { bytes in
            do throws(TLCPUpdateDecodingError) {
                outcome = .success(try apply(bytes, to: &values, hasPrevious: hasPrevious))
            } catch {
                outcome = .failure(error)
            }
        }
        return try outcome.get()
    }

    private static func apply(
        _ bytes: UnsafeBufferPointer<UInt8>, to values: inout [String?], hasPrevious: Bool
    )
        throws(TLCPUpdateDecodingError) -> [Int]
    {
        let fieldCount = values.count
        var changed: [Int] = []
        if hasPrevious { changed.reserveCapacity(fieldCount) }
        var field = 0
        var tokenStart = 0
        var index = 0
        let end = bytes.count
        while field < fieldCount {
            if index < end, bytes[index] != UInt8(ascii: "|") {
                index += 1
                continue
            }
            let token = UnsafeBufferPointer(rebasing: bytes[tokenStart..<index])
            field = try applyToken(token, field: field, values: &values, changed: &changed)
            if index == end { break }
            index += 1
            tokenStart = index
        }
        if !hasPrevious {
            // Every field of a first event is new, whatever the tokens said.
            return Array(0..<fieldCount)
        }
        return changed
    }

    /// Applies one token at `field`; returns the next field position.
    @inline(__always)
    private static func applyToken(
        _ token: UnsafeBufferPointer<UInt8>, field: Int, values: inout [String?], changed: inout [Int]
    ) throws(TLCPUpdateDecodingError) -> Int {
        guard let first = token.first else { return field + 1 }  // unchanged
        let newValue: String?
        switch first {
        case UInt8(ascii: "#") where token.count == 1:
            newValue = nil
        case UInt8(ascii: "$") where token.count == 1:
            newValue = ""
        case UInt8(ascii: "^"):
            guard token.count > 1 else { throw .invalidToken(field: field, token: "^") }
            let marker = token[1]
            switch marker {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var skip = 0
                for byte in token.dropFirst() {
                    let digit = byte &- UInt8(ascii: "0")
                    guard digit < 10, skip < 1_000_000_000 else {
                        throw .invalidToken(field: field, token: String(decoding: token, as: UTF8.self))
                    }
                    skip = skip * 10 + Int(digit)
                }
                guard skip > 0 else {
                    throw .invalidToken(field: field, token: String(decoding: token, as: UTF8.self))
                }
                return min(field + skip, values.count)
            case UInt8(ascii: "P"), UInt8(ascii: "T"):
                guard let base = values[field] else { throw .diffOnNullField(field: field) }
                let payload = decodeValue(UnsafeBufferPointer(rebasing: token[2...]))
                if marker == UInt8(ascii: "P") {
                    do {
                        newValue = try JSONPatch.apply(payload, to: base)
                    } catch {
                        throw .jsonPatchFailed(field: field, error)
                    }
                } else {
                    do {
                        newValue = try TLCPDiff.apply(payload, to: base)
                    } catch {
                        throw .tlcpDiffFailed(field: field, error)
                    }
                }
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                throw .unsupportedDiffFormat(field: field, format: Character(Unicode.Scalar(marker)))
            default:
                throw .invalidToken(field: field, token: String(decoding: token, as: UTF8.self))
            }
        default:
            newValue = decodeValue(token)
        }
        if values[field] != newValue {
            values[field] = newValue
            changed.append(field)
        }
        return field + 1
    }

    /// Percent-decodes a value (UTF-8), with a fast path for the common case of no escapes.
    @inline(__always)
    private static func decodeValue(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if !bytes.contains(UInt8(ascii: "%")) { return String(decoding: bytes, as: UTF8.self) }
        return TLCPPercentEncoding.decode(String(decoding: bytes, as: UTF8.self))
    }
}
