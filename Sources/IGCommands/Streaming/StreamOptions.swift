import ArgumentParser
import IGModels
import IGStreaming
import Lightstreamer

/// Options shared by the `ig stream` subcommands.
struct StreamOptions: ParsableArguments {
    @Option(help: "Output: table (live view) or ndjson.")
    var format: StreamFormat = .table

    @Option(
        name: .customLong("duration"), parsing: .unconditional,
        help: ArgumentHelp("\(RunDuration.help).", valueName: "duration"))
    var durationText: String?

    /// The `--duration` in seconds (nil: until Ctrl-C or `--count`).
    var duration: Double? { RunDuration.seconds(durationText) }

    @Option(help: "Stop after this many updates.")
    var count: Int?

    @Option(help: "Transport: auto (WebSocket, falling back to HTTP streaming), websocket or http.")
    var transport: StreamTransportChoice = .auto

    @Option(help: "TLCP version: 2.4.0 (what IG accepts) or 2.5.0.")
    var tlcp: String = "2.4.0"

    func validate() throws {
        if let durationText { _ = try RunDuration.parse(durationText) }
        if let count, count <= 0 { throw ValidationError("--count must be positive.") }
        guard version != nil else { throw ValidationError("--tlcp must be 2.4.0 or 2.5.0.") }
    }

    var version: TLCPVersion? {
        switch tlcp {
        case "2.4.0": .v2_4_0
        case "2.5.0": .v2_5_0
        default: nil
        }
    }

    var streamingConfiguration: IGStreamingClient.Configuration {
        IGStreamingClient.Configuration(protocolVersion: version ?? .v2_4_0, transport: transport.policy)
    }
}
