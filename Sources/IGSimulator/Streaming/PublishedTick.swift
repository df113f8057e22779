/// A `CHART:{epic}:TICK` update as the simulator's Lightstreamer server published it into a session: what a
/// recording of the stream can be checked against, from the server's side.
public struct PublishedTick: Sendable, Hashable {
    /// The market (as the client subscribed it).
    public var epic: String
    /// The tick's `UTM` (epoch milliseconds).
    public var millis: Int64
    /// `BID` as sent.
    public var bid: String
    /// `OFR` as sent.
    public var offer: String

    /// A published tick.
    public init(epic: String, millis: Int64, bid: String, offer: String) {
        self.epic = epic
        self.millis = millis
        self.bid = bid
        self.offer = offer
    }
}
