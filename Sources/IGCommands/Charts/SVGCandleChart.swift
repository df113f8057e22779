import Foundation

/// Candlesticks and volume as a standalone SVG document: price grid and labels, a UTC time axis, a volume panel.
/// Static markup only (no script), readable in any browser or image viewer.
struct SVGCandleChart: Sendable {
    var candles: [ChartCandle]
    var title: String
    var width: Int = 1200
    var height: Int = 700

    private static let rising = "#1b8a3a"
    private static let falling = "#c62828"
    private static let grid = "#e3e6ea"
    private static let text = "#263238"
    private static let frame = "#90a4ae"
    private static let background = "#ffffff"

    /// The SVG document.
    func render() -> String {
        let margin = (left: 90.0, right: 24.0, top: 48.0, bottom: 70.0)
        let plotWidth = Double(width) - margin.left - margin.right
        let plotHeight = Double(height) - margin.top - margin.bottom
        let hasVolume = candles.contains { ($0.volume ?? 0) > 0 }
        let volumeHeight = hasVolume ? (plotHeight * 0.22).rounded() : 0
        let gap = hasVolume ? 14.0 : 0
        let priceHeight = plotHeight - volumeHeight - gap
        let priceTop = margin.top
        let volumeTop = priceTop + priceHeight + gap

        var svg: [String] = []
        svg.append(
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(width)" height="\#(height)" "#
                + #"viewBox="0 0 \#(width) \#(height)" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">"#)
        svg.append(#"<rect x="0" y="0" width="\#(width)" height="\#(height)" fill="\#(Self.background)"/>"#)
        svg.append(
            #"<text x="\#(margin.left)" y="30" font-size="18" font-weight="bold" fill="\#(Self.text)">"#
                + "\(Self.escaped(title))</text>")
        guard !candles.isEmpty else {
            svg.append(
                #"<text x="\#(margin.left)" y="\#(priceTop + 40)" font-size="14">No complete bars to chart.</text>"#)
            svg.append("</svg>")
            return svg.joined(separator: "\n")
        }

        let low = candles.map(\.low).min() ?? 0
        let high = candles.map(\.high).max() ?? 0
        let padding = high > low ? (high - low) * 0.04 : max(abs(high) * 0.001, 0.0001)
        let (bottom, top) = (low - padding, high + padding)
        func y(_ price: Double) -> Double { priceTop + (top - price) / (top - bottom) * priceHeight }
        let slot = plotWidth / Double(candles.count)
        func x(_ index: Int) -> Double { margin.left + slot * (Double(index) + 0.5) }
        let bodyWidth = max(1, min(slot * 0.7, 18))

        // Price grid and labels.
        let ticks = ChartScale.priceTicks(low: bottom, high: top, count: 8)
        let decimals = ChartScale.decimals(forStep: ticks.count > 1 ? ticks[1] - ticks[0] : padding)
        for tick in ticks {
            let ty = Self.f(y(tick))
            svg.append(
                #"<line x1="\#(Self.f(margin.left))" y1="\#(ty)" x2="\#(Self.f(margin.left + plotWidth))" y2="\#(ty)" "#
                    + #"stroke="\#(Self.grid)" stroke-width="1"/>"#)
            svg.append(
                #"<text x="\#(Self.f(margin.left - 8))" y="\#(ty)" font-size="13" text-anchor="end" "#
                    + #"dominant-baseline="middle" fill="\#(Self.text)">\#(ChartScale.price(tick, decimals: decimals))</text>"#
            )
        }

        // Time ticks (bars are evenly spaced; a tick marks the first bar of a new period).
        let (timeTicks, step) = ChartScale.timeTicks(candles.map(\.time), maximum: max(Int(plotWidth / 120), 2))
        let axisY = volumeTop + volumeHeight
        for index in timeTicks {
            let tx = Self.f(x(index))
            let label = ChartScale.timeLabel(candles[index].time, step: step)
            // A label near an edge is anchored inside the chart rather than cut off.
            let halfLabel = Double(label.count) * 3.8
            let anchor =
                x(index) + halfLabel > Double(width) - 4 ? "end" : x(index) - halfLabel < 4 ? "start" : "middle"
            svg.append(
                #"<line x1="\#(tx)" y1="\#(Self.f(priceTop))" x2="\#(tx)" y2="\#(Self.f(axisY))" "#
                    + #"stroke="\#(Self.grid)" stroke-width="1"/>"#)
            svg.append(
                #"<text x="\#(tx)" y="\#(Self.f(axisY + 20))" font-size="13" text-anchor="\#(anchor)" "#
                    + #"fill="\#(Self.text)">\#(label)</text>"#)
        }
        svg.append(
            #"<text x="\#(Self.f(margin.left + plotWidth / 2))" y="\#(Self.f(Double(height) - 18))" font-size="13" "#
                + #"text-anchor="middle" fill="\#(Self.text)">Time (UTC), "#
                + "\(ChartScale.fullTime(candles[0].time)) to \(ChartScale.fullTime(candles[candles.count - 1].time))"
                + "</text>")

        // Candles.
        svg.append(#"<g id="candles">"#)
        for (index, candle) in candles.enumerated() {
            let colour = candle.isRising ? Self.rising : Self.falling
            let cx = Self.f(x(index))
            svg.append(
                #"<line x1="\#(cx)" y1="\#(Self.f(y(candle.high)))" x2="\#(cx)" y2="\#(Self.f(y(candle.low)))" "#
                    + #"stroke="\#(colour)" stroke-width="1"/>"#)
            let bodyTop = y(max(candle.open, candle.close))
            let bodyHeight = max(1, y(min(candle.open, candle.close)) - bodyTop)
            svg.append(
                #"<rect x="\#(Self.f(x(index) - bodyWidth / 2))" y="\#(Self.f(bodyTop))" width="\#(Self.f(bodyWidth))" "#
                    + #"height="\#(Self.f(bodyHeight))" fill="\#(colour)"><title>\#(Self.tooltip(candle, decimals))"#
                    + "</title></rect>")
        }
        svg.append("</g>")

        // Volume.
        if hasVolume {
            let maxVolume = candles.compactMap(\.volume).max() ?? 1
            svg.append(
                #"<text x="\#(Self.f(margin.left - 8))" y="\#(Self.f(volumeTop + 10))" font-size="12" "#
                    + #"text-anchor="end" fill="\#(Self.text)">volume</text>"#)
            svg.append(#"<g id="volume">"#)
            for (index, candle) in candles.enumerated() {
                guard let volume = candle.volume, volume > 0 else { continue }
                let barHeight = max(1, volume / maxVolume * volumeHeight)
                svg.append(
                    #"<rect x="\#(Self.f(x(index) - bodyWidth / 2))" y="\#(Self.f(axisY - barHeight))" "#
                        + #"width="\#(Self.f(bodyWidth))" height="\#(Self.f(barHeight))" "#
                        + #"fill="\#(candle.isRising ? Self.rising : Self.falling)" fill-opacity="0.45"/>"#)
            }
            svg.append("</g>")
        }

        // Frame.
        svg.append(
            #"<rect x="\#(Self.f(margin.left))" y="\#(Self.f(priceTop))" width="\#(Self.f(plotWidth))" "#
                + #"height="\#(Self.f(priceHeight))" fill="none" stroke="\#(Self.frame)" stroke-width="1"/>"#)
        if hasVolume {
            svg.append(
                #"<rect x="\#(Self.f(margin.left))" y="\#(Self.f(volumeTop))" width="\#(Self.f(plotWidth))" "#
                    + #"height="\#(Self.f(volumeHeight))" fill="none" stroke="\#(Self.frame)" stroke-width="1"/>"#)
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }

    private static func tooltip(_ candle: ChartCandle, _ decimals: Int) -> String {
        let p = { ChartScale.price($0, decimals: decimals) }
        var text =
            "\(ChartScale.fullTime(candle.time)) UTC O \(p(candle.open)) H \(p(candle.high)) L \(p(candle.low)) C \(p(candle.close))"
        if let volume = candle.volume { text += " V \(Int(volume))" }
        return text
    }

    /// A coordinate with at most two decimals.
    static func f(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// Text made safe for XML.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
