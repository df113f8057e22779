import Lightstreamer
import Testing

@Suite("U value decoding")
struct TLCPUpdateDecoderTests {
    /// The TLCP specification's stock-quote example: schema timestamp, price, change, min, max, bid, ask, open, close,
    /// status. Each step: the raw field list, the values after it, and the changed positions.
    static let quoteSteps: [(String, [String?], [Int])] = [
        (
            "20:00:33|3.04|0.0|2.41|3.67|3.03|3.04|#|#|$",
            ["20:00:33", "3.04", "0.0", "2.41", "3.67", "3.03", "3.04", nil, nil, ""], Array(0..<10)
        ),
        (
            "20:00:54|3.07|0.98|||3.06|3.07|||Suspended",
            ["20:00:54", "3.07", "0.98", "2.41", "3.67", "3.06", "3.07", nil, nil, "Suspended"], [0, 1, 2, 5, 6, 9]
        ),
        (
            "20:04:16|3.02|-0.65|||3.01|3.02|||$",
            ["20:04:16", "3.02", "-0.65", "2.41", "3.67", "3.01", "3.02", nil, nil, ""], [0, 1, 2, 5, 6, 9]
        ),
        (
            "20:04:40|^4|3.02|3.03|||",
            ["20:04:40", "3.02", "-0.65", "2.41", "3.67", "3.02", "3.03", nil, nil, ""], [0, 5, 6]
        ),
        (
            "20:06:10|3.05|0.32|^7",
            ["20:06:10", "3.05", "0.32", "2.41", "3.67", "3.02", "3.03", nil, nil, ""], [0, 1, 2]
        ),
        (
            "20:06:49|3.08|1.31|||3.08|3.09|||",
            ["20:06:49", "3.08", "1.31", "2.41", "3.67", "3.08", "3.09", nil, nil, ""], [0, 1, 2, 5, 6]
        ),
    ]

    @Test("The specification's quote example, step by step")
    func quoteExample() throws {
        var item = TLCPItemState(fieldCount: 10)
        for (encoded, values, changed) in Self.quoteSteps {
            let reported = try item.apply(Substring(encoded))
            #expect(item.values == values, "\(encoded)")
            #expect(reported == changed, "\(encoded)")
        }
    }

    static let singleTokens: [(String, String?)] = [
        ("#", nil),
        ("$", ""),
        ("%23", "#"),
        ("%24", "$"),
        ("%5E3", "^3"),
        ("#abc", "#abc"),
        ("$5", "$5"),
        ("aa%7Cbb", "aa|bb"),
        ("caf%C3%A9", "café"),
        ("a+b", "a+b"),
        ("100%", "100%"),
        ("line%0D%0Abreak", "line\r\nbreak"),
    ]

    @Test("Single-token encodings", arguments: singleTokens)
    func singleToken(encoded: String, expected: String?) throws {
        var item = TLCPItemState(fieldCount: 1)
        _ = try item.apply(Substring(encoded))
        #expect(item.values == [expected])
    }

    @Test("The specification's JSON Patch example")
    func jsonPatchExample() throws {
        var item = TLCPItemState(fieldCount: 2)
        _ = try item.apply(#"20:00:33|{ "text": "aa%7Cbb", "attributes": [ { "font": "courier" }, "..." ] }"#)
        #expect(item.values[1] == #"{ "text": "aa|bb", "attributes": [ { "font": "courier" }, "..." ] }"#)
        let changed = try item.apply(
            #"20:00:54|^P[{"op":"replace","path":"/text","value":"aa%7Cbb%7Ccc"},{"op":"add","path":"/attributes/1","value":"bold"}]"#
        )
        #expect(item.values[1] == #"{"text":"aa|bb|cc","attributes":[{"font":"courier"},"bold","..."]}"#)
        #expect(changed == [0, 1])
        let unchanged = try item.apply("20:04:16|")
        #expect(item.values[1] == #"{"text":"aa|bb|cc","attributes":[{"font":"courier"},"bold","..."]}"#)
        #expect(unchanged == [0])
    }

    static let patches: [(String, String, String)] = [
        (#"{"a":1,"b":2}"#, #"[{"op":"remove","path":"/a"}]"#, #"{"b":2}"#),
        (#"{"a":1}"#, #"[{"op":"add","path":"/b","value":[1,2]}]"#, #"{"a":1,"b":[1,2]}"#),
        (#"{"a":[1,2]}"#, #"[{"op":"add","path":"/a/-","value":3}]"#, #"{"a":[1,2,3]}"#),
        (#"{"a":{"b":1},"c":0}"#, #"[{"op":"move","from":"/a/b","path":"/c"}]"#, #"{"a":{},"c":1}"#),
        (#"{"a":{"b":1}}"#, #"[{"op":"copy","from":"/a","path":"/z"}]"#, #"{"a":{"b":1},"z":{"b":1}}"#),
        (
            #"{"level":13951.5}"#,
            #"[{"op":"test","path":"/level","value":13951.5},{"op":"replace","path":"/level","value":1.23456}]"#,
            #"{"level":1.23456}"#
        ),
        (
            #"{"a/b":1,"m~n":2}"#, #"[{"op":"replace","path":"/a~1b","value":3},{"op":"remove","path":"/m~0n"}]"#,
            #"{"a/b":3}"#
        ),
        (#"[1,2,3]"#, #"[{"op":"remove","path":"/0"}]"#, #"[2,3]"#),
        (#""old""#, #"[{"op":"replace","path":"","value":"new\nline"}]"#, #""new\nline""#),
    ]

    @Test("JSON Patch operations keep member order and number text", arguments: patches)
    func jsonPatch(document: String, patch: String, expected: String) throws {
        #expect(try JSONPatch.apply(patch, to: document) == expected)
    }

    @Test("A failing JSON Patch throws")
    func jsonPatchFailures() {
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(#"[{"op":"remove","path":"/x"}]"#, to: "{}") }
        #expect(throws: JSONPatchError.self) {
            try JSONPatch.apply(#"[{"op":"test","path":"/a","value":2}]"#, to: #"{"a":1}"#)
        }
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply("not json", to: "{}") }
        #expect(throws: JSONPatchError.self) { try JSONPatch.apply(#"[{"op":"jump","path":""}]"#, to: "{}") }
    }

    /// The specification's Appendix D examples (instructions), encoded as the official decoder reads them.
    static let diffs: [(String, String, String)] = [
        ("foo", "d", "foo"),
        ("foobar", "d", "foo"),
        ("foobar", "bdzap", "fzap"),
        ("foobar", "bdzapcd", "fzapbar"),
        ("foobar", "adzapad", "zapfoo"),
        ("foobar", "cacc", "foar"),
        ("", "adzap", "zap"),
        (String(repeating: "x", count: 30), "Bea", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ]

    @Test("TLCP-diff application (Appendix D)", arguments: diffs)
    func tlcpDiff(base: String, diff: String, expected: String) throws {
        #expect(try TLCPDiff.apply(diff, to: base) == expected)
    }

    @Test("Malformed TLCP-diffs throw")
    func tlcpDiffFailures() {
        #expect(throws: TLCPDiffError.copyPastEnd) { try TLCPDiff.apply("z", to: "abc") }
        #expect(throws: TLCPDiffError.truncatedAdd) { try TLCPDiff.apply("aez", to: "abc") }
        #expect(throws: TLCPDiffError.invalidNumber) { try TLCPDiff.apply("A", to: "abc") }
        #expect(throws: TLCPDiffError.invalidNumber) { try TLCPDiff.apply("1", to: "abc") }
        #expect(throws: TLCPDiffError.deletePastEnd) { try TLCPDiff.apply("aaz", to: "abc") }
    }

    @Test("^T in a U field list, percent-encoded payload")
    func tlcpDiffInUpdate() throws {
        var item = TLCPItemState(fieldCount: 2)
        _ = try item.apply("1|foobar")
        let changed = try item.apply("|^Tbd%7Cz%7Ccd")
        #expect(item.values == ["1", "f|z|bar"])
        #expect(changed == [1])
    }

    @Test("Decoding errors and leniency")
    func errors() throws {
        var item = TLCPItemState(fieldCount: 2)
        _ = try item.apply("#|x")
        let onNull = #expect(throws: TLCPUpdateDecodingError.self) { try item.apply("^Td|") }
        #expect(onNull?.code == .diffOnNullField)
        #expect(onNull?.field == 0)
        #expect(onNull == .diffOnNullField(field: 0))
        #expect(!item.hasValues, "a failed event resets the item")

        var other = TLCPItemState(fieldCount: 2)
        _ = try other.apply("a|b")
        let unknown = #expect(throws: TLCPUpdateDecodingError.self) { try other.apply("^Qxyz|") }
        #expect(unknown?.code == .unsupportedDiffFormat)
        #expect(unknown?.diffFormat == "Q")
        var third = TLCPItemState(fieldCount: 1)
        _ = try third.apply("a")
        for token in ["^", "^0"] {
            let invalid = #expect(throws: TLCPUpdateDecodingError.self) { try third.apply(Substring(token)) }
            #expect(invalid?.code == .invalidToken)
            #expect(invalid?.token == token)
            #expect(invalid?.field == 0)
        }

        // Lenient cases: a first event with unchanged markers or too few tokens yields nulls; extra tokens are ignored.
        var lenient = TLCPItemState(fieldCount: 3)
        #expect(try lenient.apply("|x") == [0, 1, 2])
        #expect(lenient.values == [nil, "x", nil])
        #expect(try lenient.apply("a") == [0])
        #expect(lenient.values == ["a", "x", nil])
        #expect(try lenient.apply("a|b|c|d|e") == [1, 2])
        #expect(lenient.values == ["a", "b", "c"])
        #expect(try lenient.apply("^9") == [])
    }

    /// Malformed field lists of an item whose previous values are `["a", "{}", "foo", null]`: the list, the code, the
    /// field at fault and the start of the description.
    static let malformedUpdates: [(String, TLCPUpdateDecodingError.Code, Int, String)] = [
        ("|^-1|", .invalidToken, 1, #"the token "^-1" of field 1 is not a valid ^ token; after ^ comes a positive"#),
        ("^2|^%7C", .invalidToken, 2, #"the token "^%7C" of field 2 is not a valid ^ token"#),
        ("^3|^Td", .diffOnNullField, 3, "a diff arrived for field 3, whose previous value is null or unknown; a diff"),
        (
            "#|^Pnot json", .jsonPatchFailed, 1,
            "the JSON Patch of field 1 could not be applied: JSONPatchError.invalidJSON"
        ),
        ("||^Tz", .tlcpDiffFailed, 2, "the TLCP-diff of field 2 could not be applied: TLCP-diff: a COPY section"),
        ("^Q|", .unsupportedDiffFormat, 0, "field 0 holds a ^Q diff, a format this decoder does not know; only ^P"),
    ]

    @Test("A malformed U field list names its code, its field and what was wrong", arguments: malformedUpdates)
    func malformedUpdate(
        encoded: String, code: TLCPUpdateDecodingError.Code, field: Int, description: String
    ) throws {
        var values: [String?] = ["a", "{}", "foo", nil]
        let error = #expect(throws: TLCPUpdateDecodingError.self) {
            try TLCPUpdateDecoder.apply(Substring(encoded), to: &values, hasPrevious: true)
        }
        #expect(error?.code == code, "\(String(describing: error))")
        #expect(error?.field == field)
        #expect(error?.description.hasPrefix(description) == true, "\(String(describing: error))")
        switch code {
        case .jsonPatchFailed: #expect(error?.jsonPatchError?.code == .invalidJSON)
        case .tlcpDiffFailed: #expect(error?.tlcpDiffError == .copyPastEnd)
        case .invalidToken: #expect(error?.hint != nil && error?.token != nil)
        default: #expect(error?.hint != nil)
        }
    }

    @Test("A value re-sent unchanged is not reported as changed")
    func sameValueNotChanged() throws {
        var item = TLCPItemState(fieldCount: 2)
        _ = try item.apply("1|2")
        #expect(try item.apply("1|3") == [1])
    }
}
