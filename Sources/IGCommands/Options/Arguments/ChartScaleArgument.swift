import ArgumentParser
import IGStreaming

/// What `ig stream chart` streams: `TICK` for every tick, or a candle scale (`SECOND`, `1MINUTE`, `5MINUTE`,
/// `HOUR`, or the resolution names and aliases that mean them, such as `MINUTE` and `1h`), in any case.
struct ChartScaleArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The candle scale, or `nil` for ticks.
    let candleScale: IGCandleScale?
    /// The text as typed (shown as the default in `--help`).
    let description: String

    init?(argument: String) {
        let name = argument.uppercased()
        if name == "TICK" {
            candleScale = nil
        } else if let scale = try? IGCandleScale.parsing(argument) {
            candleScale = scale
        } else {
            return nil
        }
        description = argument
    }

    private init() {
        candleScale = nil
        description = "TICK"
    }

    /// `TICK`, the default.
    static let tick = ChartScaleArgument()
}
