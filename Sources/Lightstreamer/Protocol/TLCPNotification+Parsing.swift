extension TLCPNotification {
    /// Parses one notification line. A trailing CR and/or LF is ignored.
    ///
    /// Never fails: a line that is not a well-formed notification becomes ``unknown(_:)``.
    public init(line: some StringProtocol) {
        self.init(line: Substring(line))
    }

    /// Parses one notification line (see ``init(line:)-(StringProtocol)``), without copying it.
    public init(line rawLine: Substring) {
        var line = rawLine
        let parsed = line.withUTF8 { bytes -> TLCPNotification? in
            var count = bytes.count
            while count > 0, bytes[count - 1] == UInt8(ascii: "\n") || bytes[count - 1] == UInt8(ascii: "\r") {
                count -= 1
            }
            return TLCPLineParser.parse(UnsafeBufferPointer(rebasing: bytes[..<count]), line: rawLine)
        }
        if let parsed {
            self = parsed
        } else {
            var text = Substring(rawLine)
            while let last = text.utf8.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
                text = Substring(text.utf8.dropLast())
            }
            self = .unknown(String(text))
        }
    }
}
