import ArgumentParser
import IGCommands
import Testing

/// Sizes, levels and distances typed on the command line are read strictly: `1,5` is not 1 and `0x10` is not 0.
@Suite("Decimal arguments")
struct DecimalArgumentTests {
    @Test(
        "Anything but a plain decimal number is a usage error",
        arguments: ["1,5", "0x10", "1e", "1.2.3", "12abc", " 1", "--1", "", "nan", "inf"])
    func refused(text: String) {
        #expect(throws: (any Error).self, "\(text)") {
            _ = try IGCommand.parseAsRoot(["positions", "open", "CS.D.EURUSD.TODAY.IP", "BUY", text, "--dry-run"])
        }
    }

    @Test("Plain decimals parse", arguments: ["1", "1.5", "0.25", ".5", "2e1"])
    func accepted(text: String) throws {
        _ = try IGCommand.parseAsRoot(["positions", "open", "CS.D.EURUSD.TODAY.IP", "BUY", text, "--dry-run"])
    }
}
