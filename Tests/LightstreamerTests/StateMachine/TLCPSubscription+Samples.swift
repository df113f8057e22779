import Lightstreamer

/// Subscriptions the state-machine tests subscribe with.
extension TLCPSubscription {
    static let quote = TLCPSubscription(mode: .merge, items: ["MARKET:A", "MARKET:B"], fields: ["BID", "OFFER"])
    static let ticks = TLCPSubscription(mode: .distinct, items: ["CHART:A:TICK"], fields: ["BID", "UTM"])
}
