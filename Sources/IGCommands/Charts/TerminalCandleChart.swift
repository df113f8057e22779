import Foundation

/// Candlesticks drawn with characters, sized to a terminal: a price axis on the left, a UTC time axis below.
///
/// With `colour`, rising bars are green and falling ones red, drawn with box characters; without it (output piped
/// to a file or another program) only plain ASCII is used and rising bodies (`O`) differ from falling ones (`#`).
struct TerminalCandleChart: Sendable {
    var candles: [ChartCandle]
    /// Columns available, the price axis included.
    var width: Int
    /// Rows of the plot area (the axes and title come on top).
    var height: Int
    var colour: Bool
    var title: String

    init(candles: [ChartCandle], width: Int, height: Int = 20, colour: Bool, title: String) {
        self.candles = candles
        self.width = max(width, 30)
        self.height = max(height, 5)
        self.colour = colour
        self.title = title
    }

    /// The chart as lines of text, without a trailing newline.
    func render() -> String {
        guard !candles.isEmpty else { return "\(title)\n(no complete bars to chart)" }
        let allLow = candles.map(\.low).min() ?? 0
        let allHigh = candles.map(\.high).max() ?? 0
        let rowStep = (allHigh - allLow) / Double(height - 1)
        let decimals = ChartScale.decimals(forStep: rowStep > 0 ? rowStep : max(allHigh.magnitude / 10_000, 1e-6))
        let labelWidth = [allHigh, allLow].map { ChartScale.price($0, decimals: decimals).count }.max() ?? 8
        let plotWidth = max(width - labelWidth - 2, 10)
        let bars = ChartCandle.merged(candles, into: plotWidth)
        // Up to three columns per bar; when fewer fit, the bars are spread evenly over the whole width.
        let spacing = Double(max(1, min(3, plotWidth / max(bars.count, 1))))
        let step = bars.count * Int(spacing) > plotWidth / 2 ? Double(plotWidth) / Double(max(bars.count, 1)) : spacing
        func columnOf(_ index: Int) -> Int { Int(Double(index) * step) }
        let low = bars.map(\.low).min() ?? 0
        let high = bars.map(\.high).max() ?? 0
        let range = high - low

        func row(of price: Double) -> Int {
            guard range > 0 else { return height / 2 }
            return Int(((high - price) / range * Double(height - 1)).rounded())
        }

        // The plot, one column per bar.
        var grid = Array(repeating: Array(repeating: Cell.empty, count: plotWidth), count: height)
        for (index, bar) in bars.enumerated() {
            let column = columnOf(index)
            guard column < plotWidth else { break }
            let wickTop = row(of: bar.high)
            let wickBottom = row(of: bar.low)
            let bodyTop = row(of: max(bar.open, bar.close))
            let bodyBottom = row(of: min(bar.open, bar.close))
            for line in wickTop...wickBottom {
                let inBody = line >= bodyTop && line <= bodyBottom
                grid[line][column] = inBody ? .body(rising: bar.isRising) : .wick(rising: bar.isRising)
            }
        }

        // Price labels on every fourth row, from the bottom.
        let labelRows = Set(stride(from: height - 1, through: 0, by: -4))
        var lines: [String] = [title]
        for line in 0..<height {
            let price = range > 0 ? high - Double(line) / Double(height - 1) * range : high
            let label = labelRows.contains(line) ? ChartScale.price(price, decimals: decimals) : ""
            let padded = String(repeating: " ", count: labelWidth - label.count) + label
            let axis = labelRows.contains(line) ? (colour ? "┤" : "+") : (colour ? "│" : "|")
            lines.append(padded + " " + axis + grid[line].map { $0.text(colour: colour) }.joined())
        }

        // The time axis: tick marks where a new period starts, labels below them when they fit.
        let usedColumns = min(plotWidth, columnOf(bars.count))
        let (ticks, timeStep) = ChartScale.timeTicks(bars.map(\.time), maximum: max(usedColumns / 12, 1))
        var axis = Array(repeating: colour ? "─" : "-", count: plotWidth)
        var labels = Array(repeating: Character(" "), count: plotWidth)
        var nextFree = 0
        for index in ticks {
            let column = columnOf(index)
            guard column < plotWidth else { continue }
            axis[column] = colour ? "┬" : "+"
            let text = ChartScale.timeLabel(bars[index].time, step: timeStep)
            guard column >= nextFree, column + text.count <= plotWidth else { continue }
            for (offset, character) in text.enumerated() { labels[column + offset] = character }
            nextFree = column + text.count + 1
        }
        let indent = String(repeating: " ", count: labelWidth + 1)
        lines.append(indent + (colour ? "└" : "+") + axis.joined())
        lines.append(indent + " " + String(labels).trimmingTrailingSpaces())

        // What the reader needs to know, wrapped to the width.
        var notes = ["UTC, \(ChartScale.fullTime(bars[0].time)) to \(ChartScale.fullTime(bars[bars.count - 1].time))"]
        if bars.count < candles.count {
            notes.append("\(candles.count) bars in \(bars.count) columns")
        }
        if !colour { notes.append("O rising  # falling  | high-low") }
        var footer = indent + " "
        for note in notes {
            if footer.count > indent.count + 1, footer.count + 3 + note.count > width {
                lines.append(footer)
                footer = indent + " "
            }
            footer += (footer.count > indent.count + 1 ? "   " : "") + note
        }
        lines.append(footer)
        return lines.joined(separator: "\n")
    }

    private enum Cell {
        case empty
        case wick(rising: Bool)
        case body(rising: Bool)

        func text(colour: Bool) -> String {
            switch (self, colour) {
            case (.empty, _): " "
            case (.wick, false): "|"
            case (.body(let rising), false): rising ? "O" : "#"
            case (.wick(let rising), true): (rising ? "\u{1B}[32m" : "\u{1B}[31m") + "│\u{1B}[0m"
            case (.body(let rising), true): (rising ? "\u{1B}[32m" : "\u{1B}[31m") + "█\u{1B}[0m"
            }
        }
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
