/// A plain-text table with aligned columns, for terminal output.
struct TextTable {
    enum Alignment {
        case left, right
        /// Right-aligned, each plain number written with as many fraction digits as the column's most precise one:
        /// for a column of one market's prices, whose decimals IG's JSON numbers do not keep (`10921.0` arrives as
        /// 10921). Not for a column of several markets, each quoted to its own decimals.
        case decimal
    }

    struct Column {
        var title: String
        var alignment: Alignment = .left
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let table = padded(toDecimals: decimals())
        return table.lines(widths: table.widths()).joined(separator: "\n")
    }

    /// For each ``Alignment/decimal`` column, the most fraction digits among its plain numbers (`-12.5`, `0.75`, `1200`),
    /// and no fewer than `minimum` (a table printed a page at a time keeps the decimals of the pages before).
    func decimals(atLeast minimum: [Int] = []) -> [Int] {
        var decimals = columns.indices.map { $0 < minimum.count ? minimum[$0] : 0 }
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns.count && columns[index].alignment == .decimal {
                if let digits = Self.fractionDigits(cell) { decimals[index] = max(decimals[index], digits) }
            }
        }
        return decimals
    }

    /// The table with each plain number of a ``Alignment/decimal`` column written with that column's `decimals`
    /// fraction digits (zeros added, never removed), so that a column of prices lines up on the point: IG sends
    /// `10921.0` as the number 10921, which would otherwise stand a digit to the right of `10921.2`.
    func padded(toDecimals decimals: [Int]) -> TextTable {
        guard decimals.contains(where: { $0 > 0 }) else { return self }
        var table = self
        table.rows = rows.map { row in
            row.enumerated().map { index, cell in
                guard index < decimals.count, decimals[index] > 0, let digits = Self.fractionDigits(cell),
                    digits < decimals[index]
                else { return cell }
                return cell + (digits == 0 ? "." : "") + String(repeating: "0", count: decimals[index] - digits)
            }
        }
        return table
    }

    /// The fraction digits of `cell` when it is a plain decimal number (an optional minus, digits, at most one point
    /// with digits after it), else nil: text, dates, percentages and empty cells are left as they are.
    static func fractionDigits(_ cell: String) -> Int? {
        var digits = cell.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first, first != UInt8(ascii: "."), digits.last != UInt8(ascii: ".") else {
            return nil
        }
        var fraction: Int?
        for byte in digits {
            if byte == UInt8(ascii: ".") {
                guard fraction == nil else { return nil }
                fraction = 0
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                if let count = fraction { fraction = count + 1 }
            } else {
                return nil
            }
        }
        return fraction ?? 0
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
                return columns[index].alignment == .left ? cell + padding : padding + cell
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
