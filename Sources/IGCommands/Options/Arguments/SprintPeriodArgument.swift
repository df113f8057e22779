import ArgumentParser
import IGModels

/// A sprint market's expiry period (`ONE_MINUTE` … `SIXTY_MINUTES`), in any case.
struct SprintPeriodArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The period.
    let value: SprintExpiryPeriod
    /// The text as typed (shown as the default in `--help`).
    let description: String

    init?(argument: String) {
        let value = SprintExpiryPeriod(rawValue: argument.uppercased())
        guard SprintExpiryPeriod.all.contains(value) else { return nil }
        self.value = value
        self.description = argument
    }

    private init(_ value: SprintExpiryPeriod) {
        self.value = value
        self.description = value.rawValue
    }

    /// `FIVE_MINUTES`, the default.
    static let fiveMinutes = SprintPeriodArgument(.fiveMinutes)
}
