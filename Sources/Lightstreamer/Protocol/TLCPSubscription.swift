/// What to subscribe to: a TLCP subscription request, independent of any session.
///
/// The session state machine keeps these across connections and sessions and re-adds them (with new server
/// subscription ids) whenever a new session starts.
public struct TLCPSubscription: Sendable, Hashable {
    /// The subscription mode (`LS_mode`).
    public enum Mode: String, Sendable, Hashable, CaseIterable {
        /// Every update delivered as it comes, no merging (`RAW`).
        case raw = "RAW"
        /// One current state per item; updates carry only changed fields (`MERGE`).
        case merge = "MERGE"
        /// Every update is an event of its own, e.g. trade confirmations (`DISTINCT`).
        case distinct = "DISTINCT"
        /// A table of rows added, updated and deleted by key (`COMMAND`).
        case command = "COMMAND"
    }

    /// Whether to ask for a snapshot (`LS_snapshot`).
    public enum Snapshot: Sendable, Hashable {
        /// `false`: no snapshot.
        case disabled
        /// `true`: the full snapshot.
        case enabled
        /// A number: at most this many snapshot events (DISTINCT only).
        case limited(Int)
    }

    /// The requested maximum update frequency (`LS_requested_max_frequency`).
    public enum Frequency: Sendable, Hashable {
        /// No limit, filtered dispatching.
        case unlimited
        /// No limit and no filtering (updates are never dropped or merged; `OV` may report losses).
        case unfiltered
        /// At most this many updates per second per item.
        case perSecond(Double)
    }

    /// The mode.
    public var mode: Mode
    /// The item names (`LS_group`, joined by spaces). Item indices in updates are 1-based positions in this list.
    public var items: [String]
    /// The field names (`LS_schema`, joined by spaces).
    public var fields: [String]
    /// The Data Adapter (`LS_data_adapter`), or `nil` for the adapter set's default.
    public var dataAdapter: String?
    /// A selector name (`LS_selector`).
    public var selector: String?
    /// The snapshot request; `nil` omits the parameter (no snapshot).
    public var snapshot: Snapshot?
    /// The requested maximum frequency; `nil` omits the parameter (server default).
    public var requestedMaxFrequency: Frequency?
    /// The requested buffer size (`LS_requested_buffer_size`); `nil` omits it.
    public var requestedBufferSize: Int?

    /// Creates a subscription. The snapshot defaults to ``Snapshot/enabled`` except in RAW mode, which has none.
    public init(
        mode: Mode,
        items: [String],
        fields: [String],
        dataAdapter: String? = nil,
        selector: String? = nil,
        snapshot: Snapshot? = nil,
        requestedMaxFrequency: Frequency? = nil,
        requestedBufferSize: Int? = nil
    ) {
        self.mode = mode
        self.items = items
        self.fields = fields
        self.dataAdapter = dataAdapter
        self.selector = selector
        self.snapshot = snapshot ?? (mode == .raw ? nil : .enabled)
        self.requestedMaxFrequency = requestedMaxFrequency
        self.requestedBufferSize = requestedBufferSize
    }

    /// Whether snapshot events are expected for this subscription.
    var wantsSnapshot: Bool {
        switch snapshot {
        case .enabled?, .limited?: return mode != .raw
        case .disabled?, nil: return false
        }
    }
}
