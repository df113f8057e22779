import ArgumentParser
import Foundation
import IGSimulator

/// `ig simulator` flags of the dealing engine: confirm availability, duplicate window and fault injection.
public struct DealingSimulatorOptions: ParsableArguments {
    @Option(help: "Milliseconds after a deal during which /confirms answers 404 (IG's confirm delay).")
    var confirmDelayMs = 0
    @Option(help: "Milliseconds within which an identical order is rejected with DUPLICATE_ORDER_ERROR (0: off).")
    var duplicateWindowMs = 1_000
    @Option(help: "Faults to inject after executing deals, comma-separated: drop, 500, delay, reset.")
    var faults = "drop,500,delay,reset"
    @Option(help: "Probability (0-1) that an executed deal's answer is faulted.") var faultProbability = 0.0
    @Option(help: "Fault the answers of the next N executed deals.") var faultCount = 0
    @Option(help: "How long a delayed answer is held, milliseconds.") var faultDelayMs = 3_000

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}

    /// Refuses values that cannot work together, with a message naming the flag.
    public func validate() throws {
        guard (0...1).contains(faultProbability) else { throw ValidationError("--fault-probability must be 0…1.") }
        guard confirmDelayMs >= 0, duplicateWindowMs >= 0, faultCount >= 0, faultDelayMs >= 0 else {
            throw ValidationError("dealing durations and counts must not be negative.")
        }
        _ = try self.kinds()
    }

    private func kinds() throws -> [DealingFault] {
        try faults.split(separator: ",").map { name in
            guard let fault = DealingFault(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown fault '\(name)'; use drop, 500, delay or reset.")
            }
            return fault
        }
    }

    /// `settings` with these flags applied.
    func apply(to settings: DealingConfiguration) -> DealingConfiguration {
        var settings = settings
        settings.confirmNotFoundWindow = .milliseconds(confirmDelayMs)
        settings.duplicateOrderWindow = .milliseconds(duplicateWindowMs)
        settings.faults = DealingFaultPlan(
            kinds: (try? kinds()) ?? DealingFault.allCases, probability: faultProbability, nextCount: faultCount,
            delay: .milliseconds(faultDelayMs))
        return settings
    }
}
