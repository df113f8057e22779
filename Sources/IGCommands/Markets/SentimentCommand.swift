import ArgumentParser
import IGModels
import IGTrading

/// `ig sentiment MARKETID…`: how IG's clients are positioned.
struct SentimentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentiment",
        abstract: "Client sentiment (long/short %) of market groups, e.g. FT100 EURUSD GC.",
        discussion: "Market ids are market groups (`instrument.marketId` in `ig markets get`), not epics.")

    @Argument(help: "One or more market ids, e.g. FT100 EURUSD.") var marketIds: [String]
    @Flag(help: "Show the markets related to the (single) market id instead.") var related = false
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard !marketIds.isEmpty else { throw ValidationError("Give at least one market id.") }
        if related, marketIds.count != 1 { throw ValidationError("--related takes exactly one market id.") }
    }

    func run() async throws {
        try await connection.withClient { client in
            let sentiments: [ClientSentiment]
            if related {
                sentiments = try await client.sentiment.related(to: marketIds[0])
            } else if marketIds.count == 1 {
                sentiments = [try await client.sentiment.get(marketIds[0])]
            } else {
                sentiments = try await client.sentiment.get(marketIds)
            }
            try Tabular(
                columns: [
                    .init(title: "MARKET"), .init(title: "LONG %", alignment: .right),
                    .init(title: "SHORT %", alignment: .right),
                ],
                rows: sentiments.map {
                    [$0.marketId, "\($0.longPositionPercentage)", "\($0.shortPositionPercentage)"]
                },
                json: sentiments
            ).print(as: output.format)
        }
    }
}
