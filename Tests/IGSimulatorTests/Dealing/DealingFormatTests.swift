import Foundation
import Testing

@testable import IGSimulator

@Suite("Dealing JSON numbers")
struct DealingFormatTests {
    @Test(
        "Decimal levels are written with exactly their digits",
        arguments: ["63163.18", "1.08123", "7844.5", "0.1", "12345.678"])
    func exactDigits(text: String) throws {
        let value = try #require(Decimal(string: text))
        #expect(DealingFormat.number(value).text == text)
    }
}
