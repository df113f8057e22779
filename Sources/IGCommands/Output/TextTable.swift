/// A plain-text table with aligned columns, for terminal output.
struct TextTable {
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        lines(widths: widths()).joined(separator: "\n")
    }

    /// The column widths that fit the titles and every row, and are no narrower than `minimum` (a table printed a
    /// page at a time keeps the widths of the pages before).
    func widths(atLeast minimum: [Int] = []) -> [Int] {
        var widths = columns.enumerated().map { index, column in
            max(column.title.count, index < minimum.count ? minimum[index] : 0)
        }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return widths
    }

    /// The table's lines with columns `widths` wide: the titles and a rule when `header` is true, then the rows.
    func lines(widths: [Int], header: Bool = true) -> [String] {
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                return columns[index].alignment == .right ? padding + cell : cell + padding
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var output: [String] = []
        if header {
            output += [
                line(columns.map(\.title)), widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "),
            ]
        }
        output += rows.map(line)
        return output
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
