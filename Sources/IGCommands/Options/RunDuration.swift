import ArgumentParser

/// The `--duration` of `ig stream` and `ig record`: seconds to run before stopping.
enum RunDuration {
    /// The longest `--duration` accepted: 100 years, in seconds. Longer ones (`1e300`) cannot be waited for.
    static let longest: Double = 100 * 365.25 * 86_400

    /// Refuses a duration that is not a positive number of seconds within ``longest`` (nil: run until Ctrl-C).
    static func validate(_ duration: Double?) throws {
        guard let duration else { return }
        guard duration > 0, duration <= longest else {
            throw ValidationError(
                "--duration must be a positive number of seconds, at most 3155760000 (100 years); leave it out to "
                    + "run until Ctrl-C.")
        }
    }
}
