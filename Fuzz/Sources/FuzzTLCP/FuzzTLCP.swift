import Lightstreamer

/// libFuzzer entry point: one input is one TLCP frame from a server. Every line is parsed as a notification; a
/// `U` line's field list is decoded against previous values (first event and update), and the raw text also goes
/// through the percent decoder and the TLCP-diff reader. Any trap or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTLCP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for line in TLCPLineFramer.lines(inFrame: text) {
        let notification = TLCPNotification(line: line)
        _ = "\(notification)"
        let parts = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
        if parts.count == 4, parts[0] == "U" {
            var values = [String?](repeating: nil, count: 8)
            _ = try? TLCPUpdateDecoder.apply(parts[3], to: &values, hasPrevious: false)
            var previous = [String?](repeating: "base-value", count: 8)
            _ = try? TLCPUpdateDecoder.apply(parts[3], to: &previous, hasPrevious: true)
        }
    }
    _ = TLCPPercentEncoding.decode(text)
    _ = try? TLCPDiff.apply(text, to: "the previous value of a field")
    return 0
}
