import Foundation
import Testing

@testable import IGCommands

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Hourly candles from a fixed recipe: a gentle zig-zag, every third bar falling.
private func sampleCandles(_ count: Int, volume: Bool = true) -> [ChartCandle] {
    let start = Date(timeIntervalSince1970: 1_792_972_800)  // 2026-10-26 00:00 UTC
    return (0..<count).map { index in
        let open = 1.08 + Double(index % 7) * 0.0004
        let close = index % 3 == 0 ? open - 0.0003 : open + 0.0005
        return ChartCandle(
            time: start.addingTimeInterval(Double(index) * 3_600), open: open, high: max(open, close) + 0.0002,
            low: min(open, close) - 0.0002, close: close, volume: volume ? Double(100 + index) : nil)
    }
}

/// Collects the elements of an SVG document with their attributes, and its text.
private final class SVGOutline: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String], parents: [String])] = []
    var stack: [String] = []
    var text = ""

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        let id = attributes["id"].map { "\(name)#\($0)" } ?? name
        elements.append((name, attributes, stack))
        stack.append(id)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        text += "\n"
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    static func parse(_ svg: String) throws -> SVGOutline {
        let outline = SVGOutline()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = outline
        #expect(parser.parse(), "the SVG is well-formed XML")
        return outline
    }
}

@Suite("Charts")
struct ChartRenderingTests {
    @Test("SVG: one wick and one body per candle, volume bars, UTC time axis, no script, escaped title")
    func svgStructure() throws {
        let candles = sampleCandles(48)
        let svg = SVGCandleChart(candles: candles, title: "EUR/USD <mid> & more").render()
        let outline = try SVGOutline.parse(svg)
        let root = try #require(outline.elements.first)
        #expect(root.name == "svg" && root.attributes["width"] == "1200" && root.attributes["height"] == "700")
        let inCandles = outline.elements.filter { $0.parents.last == "g#candles" }
        #expect(inCandles.filter { $0.name == "line" }.count == 48)
        #expect(inCandles.filter { $0.name == "rect" }.count == 48)
        let volume = outline.elements.filter { $0.parents.last == "g#volume" && $0.name == "rect" }
        #expect(volume.count == 48)
        #expect(!svg.lowercased().contains("<script") && !svg.contains("javascript:"))
        #expect(outline.text.contains("EUR/USD <mid> & more"))
        #expect(outline.text.contains("Time (UTC), 2026-10-26 00:00 to 2026-10-27 23:00"))
        #expect(outline.text.contains("10-27 00:00"), "midnight is labelled")
        // Rising bars are green, falling ones red.
        let fills = inCandles.filter { $0.name == "rect" }.compactMap { $0.attributes["fill"] }
        #expect(fills.filter { $0 == "#c62828" }.count == 16)
        #expect(fills.filter { $0 == "#1b8a3a" }.count == 32)
    }

    @Test("SVG without volume leaves the volume panel out; no bars is a message, not a crash")
    func svgWithoutVolume() throws {
        let outline = try SVGOutline.parse(
            SVGCandleChart(candles: sampleCandles(10, volume: false), title: "x").render())
        #expect(!outline.elements.contains { $0.attributes["id"] == "volume" })
        let empty = try SVGOutline.parse(SVGCandleChart(candles: [], title: "x").render())
        #expect(empty.text.contains("No complete bars"))
    }

    @Test("terminal chart, piped: plain ASCII, fits the width, price and UTC time axes")
    func terminalPlain() {
        let chart = TerminalCandleChart(candles: sampleCandles(30), width: 80, height: 12, colour: false, title: "T")
            .render()
        let lines = chart.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!chart.contains("\u{1B}"))
        #expect(chart.allSatisfy { $0.isASCII })
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines.count >= 1 + 12 + 3)
        #expect(chart.contains("O") && chart.contains("#"), "rising and falling bodies differ")
        #expect(chart.contains("1.08"))
        #expect(chart.contains("UTC, 2026-10-26 00:00 to 2026-10-27 05:00"))
        #expect(chart.contains("10-27 00:00"), "midnight is labelled")
    }

    @Test("terminal chart on a TTY: coloured box characters; long histories are merged to fit")
    func terminalColour() {
        let chart = TerminalCandleChart(candles: sampleCandles(500), width: 60, height: 10, colour: true, title: "T")
            .render()
        #expect(chart.contains("\u{1B}[32m█") && chart.contains("\u{1B}[31m"))
        #expect(chart.contains("500 bars in"))
        let visible = chart.replacingOccurrences(
            of: "\u{1B}\\[[0-9]+m", with: "", options: .regularExpression)
        #expect(visible.split(separator: "\n").allSatisfy { $0.count <= 60 })
    }

    @Test("merging keeps open, close, extremes and volume", arguments: [1, 2, 3, 7])
    func merging(group: Int) {
        let candles = sampleCandles(21)
        let merged = ChartCandle.merged(candles, into: (21 + group - 1) / group)
        #expect(merged.count == (21 + group - 1) / group)
        #expect(merged[0].open == candles[0].open)
        #expect(merged[merged.count - 1].close == candles[20].close)
        #expect(merged.map(\.high).max() == candles.map(\.high).max())
        #expect(merged.map(\.low).min() == candles.map(\.low).min())
        #expect(merged.compactMap(\.volume).reduce(0, +) == candles.compactMap(\.volume).reduce(0, +))
    }

    @Test(
        "nice ticks",
        arguments: [
            (0.3, 0.5), (1.0, 1.0), (1.2, 2.0), (2.0, 2.0), (2.1, 5.0), (7.0, 10.0), (0.00013, 0.0002), (450.0, 500.0),
        ])
    func niceSteps(raw: Double, expected: Double) {
        #expect(abs(ChartScale.niceStep(raw) - expected) < expected * 1e-9)
    }

    @Test("sparkline scales between the minimum and maximum")
    func sparkline() {
        var line = Sparkline(capacity: 4)
        for value in [5.0, 1, 2, 3, 4, .nan] { line.append(value) }
        #expect(line.text == "▁▃▆█")
        var flat = Sparkline()
        flat.append(2)
        flat.append(2)
        #expect(flat.text == "▄▄")
        #expect(Sparkline().text == "")
    }
}
