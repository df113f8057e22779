import Foundation
import Testing

@Suite("ig demo")
struct DemoCommandTests {
    @Test("ig demo walks through login, accounts, search, a market and 20 hourly bars")
    func demo() async throws {
        let output = try await runIG(["demo"])
        #expect(output.contains("1. Log in"))
        #expect(output.contains("SPREADBET") && output.contains("CFD"))
        #expect(output.contains("CS.D.EURUSD.TODAY.IP"))
        #expect(output.contains("Bid / Offer"))
        let section = try #require(output.components(separatedBy: "5. The last 20 hourly bars").last)
        let barLines = section.split(separator: "\n").filter {
            $0.range(of: #"^\d{4}-\d{2}-\d{2} \d{2}:00:00"#, options: .regularExpression) != nil
        }
        #expect(barLines.count == 20)
    }
}
