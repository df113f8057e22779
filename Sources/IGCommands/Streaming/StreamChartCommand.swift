import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// `ig stream chart EPIC… --scale TICK|SECOND|1MINUTE|5MINUTE|HOUR`.
struct StreamChartCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart", abstract: "Stream CHART:{epic}:TICK ticks or CHART:{epic}:{scale} candles.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    @Option(help: "TICK, SECOND, 1MINUTE (or MINUTE, 1Min), 5MINUTE (or MINUTE_5, 5Min) or HOUR (or 1h).")
    var scale = ChartScaleArgument.tick

    @Argument(help: "Epics.")
    var epics: [String]

    func run() async throws {
        let epics = self.epics.map { Epic(rawValue: $0) }
        if let candleScale = scale.candleScale {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                streaming.candles(epics, scale: candleScale)
            }
        } else {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                streaming.chartTicks(epics)
            }
        }
    }
}
