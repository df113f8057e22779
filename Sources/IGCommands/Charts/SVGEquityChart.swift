import Foundation

/// An equity curve as a standalone SVG document: a step line over time (x proportional to time), a value grid and
/// labels, a UTC time axis and the starting level as a dashed line. Static markup only.
struct SVGEquityChart: Sendable {
    var points: [(time: Date, value: Double)]
    var title: String
    var width: Int = 1200
    var height: Int = 500

    private static let line = "#1565c0"
    private static let start = "#90a4ae"
    private static let grid = "#e3e6ea"
    private static let text = "#263238"
    private static let background = "#ffffff"

    /// The SVG document.
    func render() -> String {
        let margin = (left: 90.0, right: 24.0, top: 48.0, bottom: 60.0)
        let plotWidth = Double(width) - margin.left - margin.right
        let plotHeight = Double(height) - margin.top - margin.bottom
        var svg = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" "#
                + #"viewBox="0 0 \#(width) \#(height)" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">"#,
            #"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="\#(Self.background)"/>"#,
            #"<text x="\#(margin.left)" y="30" font-size="18" font-weight="bold" fill="\#(Self.text)">"#
                + "\(SVGCandleChart.escaped(title))</text>",
        ]
        guard let first = points.first, let last = points.last else {
            svg.append(#"<text x="\#(margin.left)" y="80" font-size="14">No equity to chart.</text></svg>"#)
            return svg.joined(separator: "\n")
        }
        let values = points.map(\.value)
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let padding = high > low ? (high - low) * 0.06 : Swift.max(abs(high) * 0.001, 1)
        let (bottom, top) = (low - padding, high + padding)
        let span = Swift.max(last.time.timeIntervalSince(first.time), 1)
        func x(_ time: Date) -> Double { margin.left + time.timeIntervalSince(first.time) / span * plotWidth }
        func y(_ value: Double) -> Double { margin.top + (top - value) / (top - bottom) * plotHeight }

        let ticks = ChartScale.priceTicks(low: bottom, high: top, count: 6)
        let decimals = ChartScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : padding)
        for tick in ticks {
            let ty = SVGCandleChart.f(y(tick))
            svg.append(
                #"<line x1="\#(SVGCandleChart.f(margin.left))" y1="\#(ty)" "#
                    + #"x2="\#(SVGCandleChart.f(margin.left + plotWidth))" y2="\#(ty)" stroke="\#(Self.grid)"/>"#)
            svg.append(
                #"<text x="\#(SVGCandleChart.f(margin.left - 8))" y="\#(ty)" font-size="13" text-anchor="end" "#
                    + #"dominant-baseline="middle" fill="\#(Self.text)">"#
                    + "\(ChartScale.price(tick, decimals: decimals))</text>")
        }
        let (indices, step) = ChartScale.timeTicks(points.map(\.time), maximum: Swift.max(Int(plotWidth / 140), 2))
        for index in indices {
            let tx = SVGCandleChart.f(x(points[index].time))
            svg.append(
                #"<text x="\#(tx)" y="\#(SVGCandleChart.f(margin.top + plotHeight + 20))" font-size="13" "#
                    + #"text-anchor="middle" fill="\#(Self.text)">"#
                    + "\(ChartScale.timeLabel(points[index].time, step: step))</text>")
        }
        let startY = SVGCandleChart.f(y(first.value))
        svg.append(
            #"<line x1="\#(SVGCandleChart.f(margin.left))" y1="\#(startY)" "#
                + #"x2="\#(SVGCandleChart.f(margin.left + plotWidth))" y2="\#(startY)" stroke="\#(Self.start)" "#
                + #"stroke-dasharray="6 4"/>"#)
        var path = "M\(SVGCandleChart.f(x(first.time))),\(SVGCandleChart.f(y(first.value)))"
        for point in points.dropFirst() {
            path += " H\(SVGCandleChart.f(x(point.time))) V\(SVGCandleChart.f(y(point.value)))"
        }
        svg.append(#"<path d="\#(path)" fill="none" stroke="\#(Self.line)" stroke-width="1.5"/>"#)
        svg.append(
            #"<text x="\#(SVGCandleChart.f(margin.left + plotWidth / 2))" y="\#(Double(height) - 14)" "#
                + #"font-size="13" text-anchor="middle" fill="\#(Self.text)">Time (UTC), "#
                + "\(ChartScale.fullTime(first.time)) to \(ChartScale.fullTime(last.time))</text>")
        svg.append(
            #"<rect x="\#(SVGCandleChart.f(margin.left))" y="\#(SVGCandleChart.f(margin.top))" "#
                + #"width="\#(SVGCandleChart.f(plotWidth))" height="\#(SVGCandleChart.f(plotHeight))" "#
                + #"fill="none" stroke="\#(Self.start)"/>"#)
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}
