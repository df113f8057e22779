import Foundation

/// One change another tool could make to a store file, read from fuzzer bytes.
enum StoreChange {
    /// `UPDATE <table> SET <column> = <value>` on every row; the column is an index into the store's columns.
    case set(column: Int, value: String)
    /// `DELETE FROM <table>`; the table is an index into the store's tables.
    case empty(table: Int)
    /// The byte at `offset` (modulo the file's size) overwritten with `byte`, after the SQL changes.
    case damage(offset: Int, byte: UInt8)

    /// Changes an input asks for, at most ``limit``.
    static let limit = 8

    /// Reads changes one after the other. Each starts with a byte choosing its kind (modulo 3: set, empty,
    /// damage); a set continues with a column byte and a value (``value(_:)``), an empty with a table byte, a damage
    /// with three offset bytes (little-endian) and the new byte. Input that ends early ends the list.
    static func parse(_ bytes: [UInt8]) -> [StoreChange] {
        var reader = ByteReader(bytes)
        var changes: [StoreChange] = []
        while changes.count < limit, let kind = reader.byte() {
            switch kind % 3 {
            case 0:
                guard let column = reader.byte(), let value = value(&reader) else { return changes }
                changes.append(.set(column: Int(column), value: value))
            case 1:
                guard let table = reader.byte() else { return changes }
                changes.append(.empty(table: Int(table)))
            default:
                guard let low = reader.byte(), let middle = reader.byte(), let high = reader.byte(),
                    let byte = reader.byte()
                else { return changes }
                changes.append(.damage(offset: Int(low) | Int(middle) << 8 | Int(high) << 16, byte: byte))
            }
        }
        return changes
    }

    /// A value as SQL, chosen by a byte (modulo 9): NULL, `Int64.min`, `Int64.max`, an integer of the next 8 bytes,
    /// a real of the next 8 bytes, text or a blob of the next n bytes (n = next byte modulo 33), a small integer of
    /// the next byte, or the column itself plus that small integer (a value near what was there).
    static func value(_ reader: inout ByteReader) -> String? {
        guard let kind = reader.byte() else { return nil }
        switch kind % 9 {
        case 0: return "NULL"
        case 1: return "-9223372036854775808"
        case 2: return "9223372036854775807"
        case 3: return reader.word().map { String(Int64(bitPattern: $0)) }
        case 4:
            guard let bits = reader.word() else { return nil }
            let real = Double(bitPattern: bits)
            return real.isFinite ? String(format: "%.17g", real) : "NULL"
        case 5, 6:
            guard let count = reader.byte(), let bytes = reader.bytes(Int(count) % 33) else { return nil }
            let hex = "X'" + bytes.map { String(format: "%02x", $0) }.joined() + "'"
            return kind % 9 == 5 ? "CAST(\(hex) AS TEXT)" : hex
        case 7: return reader.byte().map { String(Int8(bitPattern: $0)) }
        default: return reader.byte().map { "+ \(Int8(bitPattern: $0))" }
        }
    }
}

/// Bytes read front to back.
struct ByteReader {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard bytes.count - index >= count else { return nil }
        defer { index += count }
        return Array(bytes[index..<index + count])
    }

    /// Eight bytes, little-endian.
    mutating func word() -> UInt64? {
        bytes(8).map { $0.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
    }
}
