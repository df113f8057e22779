import ArgumentParser
import IGStreaming

/// What `ig stream chart` streams: `TICK` for every tick, or a candle scale (`SECOND`, `1MINUTE`, `5MINUTE`,
/// `HOUR`), in any case.
struct ChartScaleArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The candle scale, or `nil` for ticks.
    let candleScale: IGCandleScale?
    /// The text as typed (shown as the default in `--help`).
    let description: String

    init?(argument: String) {
        let name = argument.uppercased()
        if name == "TICK" {
            candleScale = nil
        } else if let scale = IGCandleScale(rawValue: name) {
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
