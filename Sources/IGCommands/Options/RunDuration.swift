import ArgumentParser

/// The `--duration` of `ig stream` and `ig record`: how long to run before stopping, in seconds (`90`, `1.5`) or as
/// a number and a unit (`90s`, `30m`, `6h`, `2d`, `1w`).
enum RunDuration {
    /// The longest `--duration` accepted: 100 years, in seconds. Longer ones (`1e300`) cannot be waited for.
    static let longest: Double = 100 * 365.25 * 86_400

    /// What `--duration` takes, for its help.
    static let help = "Stop after this long: seconds (90) or a number and a unit (90s, 30m, 6h, 2d)"

    /// The seconds of a `--duration`, refused with a reason when it is not a positive span within ``longest``.
    static func parse(_ text: String) throws -> Double {
        guard let seconds = Double(text) ?? UTCDateParser.span(text), seconds > 0, seconds <= longest else {
            throw ValidationError(
                "--duration must be a positive number of seconds (90) or a number and a unit (90s, 30m, 6h, 2d), at "
                    + "most 3155760000 seconds (100 years); leave it out to run until Ctrl-C.")
        }
        return seconds
    }

    /// The seconds of a `--duration` that ``parse(_:)`` accepts; nil when none was given (run until stopped).
    static func seconds(_ text: String?) -> Double? {
        text.flatMap { try? parse($0) }
    }
}
