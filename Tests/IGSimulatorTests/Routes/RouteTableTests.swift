import Testing

@testable import IGSimulator

@Suite("REST route table")
struct RouteTableTests {
    static func table(_ paths: [String]) -> RouteTable {
        var table = RouteTable()
        table.add(paths.map { path in Route("GET", path) { _ in RESTResponse.ok(.string(path)) } })
        return table
    }

    @Test(arguments: [
        (["positions/:dealId", "positions/sprintmarkets"], "positions/sprintmarkets", "positions/sprintmarkets"),
        (["positions/sprintmarkets", "positions/:dealId"], "positions/sprintmarkets", "positions/sprintmarkets"),
        (["positions/:dealId", "positions/sprintmarkets"], "positions/DIAAAA1", "positions/:dealId"),
        (["markets/:epic", "markets/:epic/:x"], "MARKETS/CS.D.EURUSD.TODAY.IP", "markets/:epic"),
    ])
    func literalSegmentsWinWhateverTheOrder(paths: [String], request: String, expected: String) {
        let segments = request.split(separator: "/").map(String.init)
        let matched = Self.table(paths).match(method: "GET", path: segments)
        #expect(matched?.0.pattern.joined(separator: "/") == expected)
    }

    @Test func parametersAreCapturedAndMethodsMustMatch() {
        let table = Self.table(["watchlists/:id/:epic"])
        #expect(table.match(method: "GET", path: ["watchlists", "42", "X.Y"])?.1 == ["id": "42", "epic": "X.Y"])
        #expect(table.match(method: "DELETE", path: ["watchlists", "42", "X.Y"]) == nil)
        #expect(table.match(method: "GET", path: ["watchlists", "42"]) == nil)
    }
}
