import Foundation

/// A single-pass JSON reader specialised for v3 price bodies; any other JSON is skipped structurally.
struct V3BodyReader {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    typealias BodyError = PriceTable.BodyError

    private func fail(_ reason: String) -> BodyError { BodyError(offset: index, reason: reason) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8) throws(BodyError) {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else {
            throw fail("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        index += 1
    }

    /// Consumes `byte` if it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Reads a string and returns the range of its raw (still escaped) bytes.
    private mutating func stringRange() throws(BodyError) -> Range<Int> {
        try expect(0x22)
        let start = index
        while index < bytes.count {
            switch bytes[index] {
            case 0x22:
                let end = index
                index += 1
                return start..<end
            case 0x5C: index += 2
            default: index += 1
            }
        }
        throw fail("unterminated string")
    }

    private func equals(_ range: Range<Int>, _ literal: StaticString) -> Bool {
        guard range.count == literal.utf8CodeUnitCount else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<range.count where bytes[range.lowerBound + offset] != pointer[offset] { return false }
        return true
    }

    private func text(_ range: Range<Int>) -> String {
        let raw = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        guard raw.contains("\\") else { return raw }
        // Rare: let Foundation unescape.
        return (try? JSONDecoder().decode(String.self, from: Data(("\"" + raw + "\"").utf8))) ?? raw
    }

    private mutating func isNull() -> Bool {
        skipSpace()
        guard index + 4 <= bytes.count, bytes[index] == 0x6E, bytes[index + 1] == 0x75, bytes[index + 2] == 0x6C,
            bytes[index + 3] == 0x6C
        else { return false }
        index += 4
        return true
    }

    /// Skips any JSON value.
    private mutating func skipValue() throws(BodyError) {
        skipSpace()
        guard index < bytes.count else { throw fail("value expected") }
        switch bytes[index] {
        case 0x22: _ = try stringRange()
        case 0x7B:
            index += 1
            if take(0x7D) { return }
            repeat {
                _ = try stringRange()
                try expect(0x3A)
                try skipValue()
            } while take(0x2C)
            try expect(0x7D)
        case 0x5B:
            index += 1
            if take(0x5D) { return }
            repeat { try skipValue() } while take(0x2C)
            try expect(0x5D)
        default:
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: break
                default:
                    index += 1
                    continue
                }
                break
            }
            guard index > start else { throw fail("value expected") }
        }
    }

    /// Iterates the members of an object, calling `body` with each key range (the value must be consumed).
    private mutating func members(_ body: (inout V3BodyReader, Range<Int>) throws(BodyError) -> Void) throws(BodyError)
    {
        if isNull() { return }
        try expect(0x7B)
        if take(0x7D) { return }
        repeat {
            let key = try stringRange()
            try expect(0x3A)
            try body(&self, key)
        } while take(0x2C)
        try expect(0x7D)
    }

    /// A JSON number (or `null`) as an exact `Decimal`.
    private mutating func decimal() throws(BodyError) -> Decimal? {
        if isNull() { return nil }
        skipSpace()
        let start = index
        var negative = false
        if index < bytes.count, bytes[index] == 0x2D {
            negative = true
            index += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var exponent = 0
        var overflow = false
        while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
            if digits < 19 { mantissa = mantissa * 10 + UInt64(bytes[index] - 0x30) } else { overflow = true }
            digits += 1
            index += 1
        }
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if digits < 19 {
                    mantissa = mantissa * 10 + UInt64(bytes[index] - 0x30)
                    exponent -= 1
                } else {
                    overflow = true
                }
                digits += 1
                index += 1
            }
        }
        if index < bytes.count, bytes[index] == 0x65 || bytes[index] == 0x45 {
            index += 1
            var exponentSign = 1
            if index < bytes.count, bytes[index] == 0x2D || bytes[index] == 0x2B {
                exponentSign = bytes[index] == 0x2D ? -1 : 1
                index += 1
            }
            var value = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = min(value * 10 + Int(bytes[index] - 0x30), 10_000)
                index += 1
            }
            exponent += exponentSign * value
        }
        guard digits > 0 else { throw fail("number expected") }
        if overflow {
            let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw fail("unreadable number")
            }
            return value
        }
        if mantissa == 0 { return Decimal() }
        while exponent < 0, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        guard (-128...127).contains(exponent) else { throw fail("number out of range") }
        return Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(mantissa))
    }

    private mutating func integer() throws(BodyError) -> Int? {
        guard let value = try decimal() else { return nil }
        return NSDecimalNumber(decimal: value).intValue
    }

    /// `{bid, ask, lastTraded}`.
    private mutating func quote() throws(BodyError) -> (Decimal?, Decimal?, Decimal?) {
        var quote: (Decimal?, Decimal?, Decimal?) = (nil, nil, nil)
        try members { reader, key throws(BodyError) in
            if reader.equals(key, "bid") {
                quote.0 = try reader.decimal()
            } else if reader.equals(key, "ask") {
                quote.1 = try reader.decimal()
            } else if reader.equals(key, "lastTraded") {
                quote.2 = try reader.decimal()
            } else {
                try reader.skipValue()
            }
        }
        return quote
    }

    private func date(_ range: Range<Int>, _ format: IGDateFormat) -> Date? {
        var fields = IGDateFields()
        let separators: (Character, Character, Character) = format == .iso ? ("-", "T", ":") : ("/", " ", ":")
        guard
            fields.parse(
                Array(UnsafeRawBufferPointer(rebasing: bytes[range])), dateSeparator: separators.0,
                middle: separators.1, timeSeparator: separators.2)
        else { return nil }
        return fields.date
    }

    private mutating func row() throws(BodyError) -> PriceTable.Row {
        var utc: Date?
        var local: Date?
        var open: (Decimal?, Decimal?, Decimal?) = (nil, nil, nil)
        var high = open
        var low = open
        var close = open
        var volume: Decimal?
        try members { reader, key throws(BodyError) in
            if reader.equals(key, "snapshotTimeUTC") {
                if !reader.isNull() { utc = reader.date(try reader.stringRange(), .iso) }
            } else if reader.equals(key, "snapshotTime") {
                if !reader.isNull() { local = reader.date(try reader.stringRange(), .slashed) }
            } else if reader.equals(key, "openPrice") {
                open = try reader.quote()
            } else if reader.equals(key, "highPrice") {
                high = try reader.quote()
            } else if reader.equals(key, "lowPrice") {
                low = try reader.quote()
            } else if reader.equals(key, "closePrice") {
                close = try reader.quote()
            } else if reader.equals(key, "lastTradedVolume") {
                volume = try reader.decimal()
            } else {
                try reader.skipValue()
            }
        }
        guard let time = utc ?? local else { throw fail("bar without a readable snapshotTimeUTC/snapshotTime") }
        return PriceTable.Row(
            time: time, bid: .init(open: open.0, high: high.0, low: low.0, close: close.0),
            ask: .init(open: open.1, high: high.1, low: low.1, close: close.1),
            lastTraded: .init(open: open.2, high: high.2, low: low.2, close: close.2), volume: volume)
    }

    private mutating func allowance() throws(BodyError) -> PriceAllowance? {
        if isNull() { return nil }
        var values: (Int?, Int?, Int?) = (nil, nil, nil)
        try members { reader, key throws(BodyError) in
            if reader.equals(key, "remainingAllowance") {
                values.0 = try reader.integer()
            } else if reader.equals(key, "totalAllowance") {
                values.1 = try reader.integer()
            } else if reader.equals(key, "allowanceExpiry") {
                values.2 = try reader.integer()
            } else {
                try reader.skipValue()
            }
        }
        guard let remaining = values.0, let total = values.1, let expiry = values.2 else { return nil }
        return PriceAllowance(remainingAllowance: remaining, totalAllowance: total, allowanceExpiry: expiry)
    }

    mutating func table() throws(BodyError) -> PriceTable {
        var rows: [PriceTable.Row] = []
        var instrumentType: InstrumentType?
        var allowance: PriceAllowance?
        var sawPrices = false
        try members { reader, key throws(BodyError) in
            if reader.equals(key, "prices") {
                sawPrices = true
                try reader.expect(0x5B)
                if reader.take(0x5D) { return }
                rows.reserveCapacity(reader.bytes.count / 340)
                repeat { rows.append(try reader.row()) } while reader.take(0x2C)
                try reader.expect(0x5D)
            } else if reader.equals(key, "instrumentType") {
                if !reader.isNull() { instrumentType = InstrumentType(rawValue: reader.text(try reader.stringRange())) }
            } else if reader.equals(key, "metadata") {
                try reader.members { reader, key throws(BodyError) in
                    if reader.equals(key, "allowance") {
                        allowance = try reader.allowance()
                    } else {
                        try reader.skipValue()
                    }
                }
            } else {
                try reader.skipValue()
            }
        }
        guard sawPrices else { throw fail("no prices") }
        return PriceTable(rows: rows, instrumentType: instrumentType, allowance: allowance)
    }
}
