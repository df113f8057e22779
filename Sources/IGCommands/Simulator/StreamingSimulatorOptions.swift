import ArgumentParser
import Foundation
import IGSimulator

/// `ig simulator` flags of the Lightstreamer server: update rate, keepalive and WebSocket refusal.
public struct StreamingSimulatorOptions: ParsableArguments {
    @Option(help: "Price updates per second per subscribed PRICE/MARKET/CHART item (default 2, at most 1,000).")
    var streamingRate: Double?
    @Option(help: "Keepalive announced to Lightstreamer clients that do not ask for one, milliseconds (100 to 60000).")
    var streamingKeepaliveMs: Int?
    @Flag(help: "Refuse WebSocket upgrades on /lightstreamer: clients must fall back to HTTP streaming.")
    var noWebsocket = false

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}

    /// Refuses values that cannot work together, with a message naming the flag.
    public func validate() throws {
        if let streamingRate, !(streamingRate > 0) { throw ValidationError("--streaming-rate must be positive.") }
        if let streamingKeepaliveMs, !(100...60_000).contains(streamingKeepaliveMs) {
            throw ValidationError("--streaming-keepalive-ms must be 100 to 60000 (what a client may ask for too).")
        }
    }

    /// `settings` with these flags applied.
    func apply(to settings: StreamingConfiguration) -> StreamingConfiguration {
        var settings = settings
        if let streamingRate { settings.updatesPerSecond = streamingRate }
        if let streamingKeepaliveMs { settings.keepalive = .milliseconds(streamingKeepaliveMs) }
        if noWebsocket { settings.acceptsWebSocket = false }
        return settings
    }
}
