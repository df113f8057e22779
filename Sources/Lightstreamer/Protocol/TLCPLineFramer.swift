/// Splits a stream of bytes, delivered in arbitrary chunks, into TLCP lines.
///
/// Lines end with CRLF (TLCP) or a bare LF (tolerated); the terminator is stripped and empty lines are dropped. A line
/// split across chunks is buffered until its end arrives. Use it for HTTP-streaming bodies; a WebSocket text frame is
/// already complete, so split it with ``lines(inFrame:)``.
public struct TLCPLineFramer: Sendable {
    private var buffer: [UInt8] = []
    private var discardingOversizedLine = false

    /// Lines longer than this many bytes are dropped (and counted in ``droppedLineCount``) instead of buffered without
    /// bound.
    public var maximumLineLength: Int

    /// How many oversized lines were dropped so far.
    public private(set) var droppedLineCount = 0

    /// Creates a framer that drops lines longer than `maximumLineLength` bytes.
    public init(maximumLineLength: Int = 16 * 1024 * 1024) {
        self.maximumLineLength = maximumLineLength
    }

    /// The bytes of an incomplete line waiting for the rest of it.
    public var bufferedByteCount: Int { buffer.count }

    /// Consumes `bytes` and returns the lines they complete, in order.
    public mutating func append(_ bytes: some Sequence<UInt8>) -> [String] {
        var lines: [String] = []
        append(bytes) { lines.append($0) }
        return lines
    }

    /// Consumes `bytes`, calling `body` with every line they complete, in order (no intermediate array).
    public mutating func append(_ bytes: some Sequence<UInt8>, _ body: (String) throws -> Void) rethrows {
        let handled: Void? = try bytes.withContiguousStorageIfAvailable { try append(buffer: $0, body) }
        if handled == nil {
            let array = Array(bytes)
            try array.withUnsafeBufferPointer { try append(buffer: $0, body) }
        }
    }

    /// Ends the stream: returns the final line if the stream stopped without a line terminator.
    public mutating func finish() -> String? {
        defer {
            buffer.removeAll()
            discardingOversizedLine = false
        }
        guard !discardingOversizedLine else { return nil }
        return Self.makeLine(buffer[...])
    }

    /// Splits one WebSocket text frame (one or more lines separated by CRLF or LF) into lines, dropping empty ones.
    public static func lines(inFrame frame: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = frame.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                appendLine(utf8[start..<index], to: &lines)
                start = utf8.index(after: index)
            }
            utf8.formIndex(after: &index)
        }
        appendLine(utf8[start..<utf8.endIndex], to: &lines)
        return lines
    }

    private static func appendLine(_ slice: Substring.UTF8View, to lines: inout [Substring]) {
        var slice = slice
        if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
        if !slice.isEmpty { lines.append(Substring(slice)) }
    }

    private mutating func append(buffer chunk: UnsafeBufferPointer<UInt8>, _ body: (String) throws -> Void) rethrows {
        var start = 0
        var index = 0
        let count = chunk.count
        while index < count {
            if chunk[index] == UInt8(ascii: "\n") {
                if discardingOversizedLine {
                    discardingOversizedLine = false
                } else if buffer.isEmpty {
                    if let line = Self.makeLine(UnsafeBufferPointer(rebasing: chunk[start..<index])) { try body(line) }
                } else {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<index]))
                    let line = Self.makeLine(buffer[...])
                    buffer.removeAll(keepingCapacity: true)
                    if let line { try body(line) }
                }
                start = index + 1
            }
            index += 1
        }
        if start < count, !discardingOversizedLine {
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: chunk[start..<count]))
            if buffer.count > maximumLineLength {
                buffer.removeAll()
                discardingOversizedLine = true
                droppedLineCount += 1
            }
        }
    }

    private static func makeLine(_ bytes: some BidirectionalCollection<UInt8>) -> String? {
        var end = bytes.endIndex
        if bytes.last == UInt8(ascii: "\r") { end = bytes.index(before: end) }
        guard end != bytes.startIndex else { return nil }
        return String(decoding: bytes[bytes.startIndex..<end], as: UTF8.self)
    }
}
