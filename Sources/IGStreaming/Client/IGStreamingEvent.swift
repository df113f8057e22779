public import Lightstreamer

/// What a typed IG subscription delivers.
public enum IGStreamingEvent<Update: Sendable>: Sendable {
    /// The server activated the subscription (again after every new Lightstreamer session).
    case subscribed
    /// A typed update.
    case update(Update)
    /// Updates may have been lost (see `TLCPGap`); `item` names the item concerned, if one.
    case gap(TLCPGap, item: IGStreamingItem?)
}

extension IGStreamingEvent: Equatable where Update: Equatable {}
