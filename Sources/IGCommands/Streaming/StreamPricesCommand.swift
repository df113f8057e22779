import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// `ig stream prices EPIC…`.
struct StreamPricesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prices", abstract: "Stream PRICE:{account}:{epic} quotes (or legacy MARKET:{epic} with --market)."
    )

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var stream: StreamOptions

    @Flag(help: "Use the legacy MARKET:{epic} items instead of PRICE.")
    var market = false

    @Argument(help: "Epics, e.g. CS.D.EURUSD.TODAY.IP.")
    var epics: [String]

    func run() async throws {
        let epics = self.epics.map { Epic(rawValue: $0) }
        if market {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                streaming.markets(epics)
            }
        } else {
            try await StreamRunner(connection: connection, options: stream).run { streaming in
                try await streaming.prices(epics)
            }
        }
    }
}
