import ArgumentParser
import IGSimulator
import Testing

@testable import IGCommands

@Suite("ig simulator dealing flags")
struct SimulatorCommandDealingFlagsTests {
    @Test func simulatorDealingFlags() throws {
        let command = try IGCommand.parseAsRoot([
            "simulator", "--confirm-delay-ms", "250", "--fault-probability", "0.5", "--faults", "drop,500",
        ])
        let simulator = try #require(command as? SimulatorCommand)
        let settings = simulator.options.configuration().dealing
        #expect(settings.confirmNotFoundWindow == .milliseconds(250))
        #expect(settings.faults.probability == 0.5)
        #expect(settings.faults.kinds == [.dropResponse, .serverError])
        #expect(throws: (any Error).self) { try IGCommand.parseAsRoot(["simulator", "--faults", "explode"]) }
    }
}
