import Testing

@testable import IGCommands

@Suite("Text tables: a column of one market's prices lines up on the point")
struct TextTableTests {
    @Test(
        "a plain number's fraction digits are counted; anything else is no number and left as it is",
        arguments: [
            ("10921", 0), ("10921.2", 1), ("-0.00012", 5), ("0", 0), ("1200", 0), ("", nil), ("-", nil),
            (".5", nil), ("1.", nil), ("1.2.3", nil), ("1e5", nil), ("12%", nil), ("--1", nil), ("2026-12-04", nil),
            ("DFB", nil), ("-1.5", 1),
        ] as [(String, Int?)])
    func fractionDigits(cell: String, digits: Int?) {
        #expect(TextTable.fractionDigits(cell) == digits)
    }

    @Test("decimal columns get their most precise value's decimals; right-aligned ones keep their text")
    func rendering() {
        var table = TextTable([
            .init(title: "NAME"), .init(title: "CLOSE", alignment: .decimal), .init(title: "BID", alignment: .right),
        ])
        table.add(["a", "10921", "1.08627"])
        table.add(["b", "10921.25", "10862.7"])
        table.add(["c", "-3.5", ""])
        table.add(["d", "", "-"])
        #expect(
            table.render().split(separator: "\n") == [
                "NAME     CLOSE      BID",
                "────  ────────  ───────",
                "a     10921.00  1.08627",
                "b     10921.25  10862.7",
                "c        -3.50",
                "d                     -",
            ])
    }
}
