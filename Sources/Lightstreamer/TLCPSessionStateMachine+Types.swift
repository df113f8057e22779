/// Identifies one transport connection opened at the state machine's request. Events from a connection the machine
/// has since abandoned carry an old id and are ignored.
public struct TLCPConnectionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A number increasing with every connection.
    public let rawValue: Int

    /// Wraps a raw id.
    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Orders values by their raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A readable description (never contains a secret).
    public var description: String { "connection#\(rawValue)" }
}

/// The client's handle on a subscription. Stable for the subscription's whole life, across sessions (unlike the
/// server-side `LS_subId`, which changes with every session).
public struct TLCPSubscriptionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The raw value.
    public let rawValue: Int

    /// Wraps a raw id.
    public init(_ rawValue: Int) {
        self.rawValue = rawValue
    }

    /// Orders values by their raw value.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    /// A readable description (never contains a secret).
    public var description: String { "subscription#\(rawValue)" }
}

/// A request to open a stream connection.
public struct TLCPConnectionRequest: Sendable, Hashable {
    /// Why the connection is opened.
    public enum Purpose: Sendable, Hashable {
        /// A new session (`create_session`).
        case createSession
        /// A rebind of the current session after `LOOP` (`bind_session`).
        case rebind
        /// A recovery of the current session after a lost connection (`bind_session` with `LS_recovery_from`).
        case recovery
    }

    /// The id to tag this connection's events with.
    public var connectionID: TLCPConnectionID
    /// The transport to use.
    public var transport: TLCPTransportKind
    /// The `host[:port]` from `CONOK`'s control link, which must be used instead of the configured server address
    /// for this session's connections; `nil` means the configured address.
    public var controlLink: String?
    /// The request to send: over a WebSocket, send ``TLCPRequest/webSocketOK`` first, then this request's frame;
    /// over HTTP, POST it to its ``TLCPRequest/httpPath`` and stream the response body.
    public var request: TLCPRequest
    /// Why the connection is opened.
    public var purpose: Purpose
}

/// The state machine's timers. Scheduling a timer replaces any pending one of the same kind.
public enum TLCPTimer: Sendable, Hashable, CaseIterable {
    /// No `CONOK` within the connect timeout.
    case connectTimeout
    /// Keepalive watchdog: checks for silence longer than the keepalive plus the grace period.
    case keepalive
    /// Stalled for the reconnect timeout: give up on the connection.
    case stalled
    /// The end of a retry / backoff pause.
    case retry
}

/// One update of an item, with the item's full current field values.
public struct TLCPItemUpdate: Sendable, Hashable {
    /// The 1-based item index (position in ``TLCPSubscription/items``).
    public var item: Int
    /// All field values after this update (`nil` = null), in schema order.
    public var values: [String?]
    /// The 0-based positions of the fields whose value changed with this update, ascending.
    public var changedFields: [Int]
    /// Whether this event belongs to the item's snapshot rather than being a real-time update.
    public var isSnapshot: Bool

    /// Creates an update.
    public init(item: Int, values: [String?], changedFields: [Int], isSnapshot: Bool) {
        self.item = item
        self.values = values
        self.changedFields = changedFields
        self.isSnapshot = isSnapshot
    }

    /// Whether the field at the 0-based `position` changed.
    public func isChanged(_ position: Int) -> Bool { changedFields.contains(position) }
}

/// Why updates of a subscription may have been lost.
public enum TLCPGap: Sendable, Hashable {
    /// `OV`: the server dropped `lostUpdates` events of `item`.
    case overflow(item: Int, lostUpdates: Int)
    /// The session was replaced (or the connection given up): every item restarts from a fresh snapshot.
    case sessionReplaced
    /// The consumer fell behind and a latest-value-wins buffer replaced `droppedUpdates` undelivered updates of
    /// `item` with newer ones (the values delivered are the latest; intermediate ones were never seen).
    case conflated(item: Int, droppedUpdates: Int)
    /// An update could not be decoded; the subscription is being re-added and restarts from a fresh snapshot.
    case resubscribed(item: Int, TLCPUpdateDecodingError)
}

/// What happens to one subscription, delivered in order.
public enum TLCPSubscriptionEvent: Sendable, Hashable {
    /// The server activated the subscription in the current session (`SUBOK`/`SUBCMD`). Sent again after every new
    /// session.
    case subscribed(itemCount: Int, fieldCount: Int, keyField: Int?, commandField: Int?)
    /// An item update.
    case update(TLCPItemUpdate)
    /// `EOS`: the item's snapshot is complete.
    case endOfSnapshot(item: Int)
    /// `CS`: the item's snapshot was cleared.
    case snapshotCleared(item: Int)
    /// `CONF`: the subscription's frequency configuration (`nil` = unlimited).
    case configured(maxFrequency: Double?, isFiltered: Bool)
    /// Updates may have been lost.
    case gap(TLCPGap)
    /// The server refused the subscription (`REQERR`, TLCP Appendix B code). Terminal: the subscription is dropped.
    case failed(code: Int, message: String)
    /// The subscription ended (asked by the client, or by the server). Terminal.
    case unsubscribed
}
