import IGModels
import NIOCore
import PostgresNIO

/// Bars in PostgreSQL's `COPY … FROM STDIN` text format: one line per bar, tab-separated integers, `\N` for a missing
/// value, written straight into the buffers that go to the server.
enum CopyText {
    /// Bytes per buffer handed to the server.
    static let chunkBytes = 1 << 20
    /// The most bytes one line can take: 16 integers of at most 20 characters, their separators and the newline.
    static let lineBytes = 16 * 21 + 1

    /// Sends `rows` (with `series` as the first column when given) through `writer`.
    static func send(_ rows: [PriceTable.Row], series: Int64?, to writer: PostgresCopyFromWriter) async throws {
        var encoder = BarEncoder()
        var buffer = ByteBuffer()
        buffer.reserveCapacity(chunkBytes + lineBytes)
        for row in rows {
            let (time, scale) = try encoder.encode(row)
            let values = encoder.values
            let missing = encoder.missing
            buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: lineBytes) { raw in
                guard let base = raw.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return 0 }
                var at = 0
                if let series {
                    put(series, base, &at)
                    base[at] = tab
                    at += 1
                }
                put(time, base, &at)
                base[at] = tab
                at += 1
                put(Int64(scale), base, &at)
                for index in 0..<13 {
                    base[at] = tab
                    at += 1
                    if missing & (1 << UInt16(index)) != 0 {
                        base[at] = backslash
                        base[at + 1] = letterN
                        at += 2
                    } else {
                        put(values[index], base, &at)
                    }
                }
                base[at] = newline
                return at + 1
            }
            if buffer.readableBytes >= chunkBytes {
                try await writer.write(buffer)
                buffer.clear()
            }
        }
        if buffer.readableBytes > 0 { try await writer.write(buffer) }
    }

    private static let tab = UInt8(ascii: "\t")
    private static let newline = UInt8(ascii: "\n")
    private static let backslash = UInt8(ascii: "\\")
    private static let letterN = UInt8(ascii: "N")

    /// Writes the decimal digits of `value` at `base[at]` and advances `at` past them.
    @inline(__always)
    private static func put(_ value: Int64, _ base: UnsafeMutablePointer<UInt8>, _ at: inout Int) {
        var magnitude = value.magnitude
        if value < 0 {
            base[at] = UInt8(ascii: "-")
            at += 1
        }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = at + digits - 1
        repeat {
            base[position] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        at += digits
    }
}
