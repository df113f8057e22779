extension TLCPRequest {
    /// The client id Lightstreamer asks custom clients to send as `LS_cid`.
    public static let defaultClientID = "mgQkwtwdysogQz2BJ4Ji kOj2Bg"

    /// `wsok`: the first request on a new WebSocket.
    public static let webSocketOK = TLCPRequest(name: .webSocketOK)

    /// `create_session`. Every `nil` argument is omitted.
    ///
    /// - Parameters:
    ///   - credentials: `LS_user` and `LS_password`.
    ///   - adapterSet: `LS_adapter_set`; `nil` is the server's `DEFAULT`.
    ///   - clientID: `LS_cid`.
    ///   - keepaliveMillis: `LS_keepalive_millis`, the longest silence the server may leave.
    ///   - inactivityMillis: `LS_inactivity_millis`, how long the client may stay silent.
    ///   - requestedMaxBandwidth: `LS_requested_max_bandwidth`, in kilobits per second.
    ///   - supportedDiffs: `LS_supported_diffs`; `nil` lets the server choose, `[]` forbids diffs altogether.
    ///   - sendSync: `LS_send_sync`; `false` turns off `SYNC` notifications.
    ///   - contentLength: `LS_content_length`, for HTTP streaming only.
    ///   - oldSession: `LS_old_session`, the session this one replaces (recovery failed).
    ///   - cause: `LS_cause`, why a new session is created.
    public static func createSession(
        credentials: TLCPCredentials? = nil,
        adapterSet: String? = nil,
        clientID: String = defaultClientID,
        keepaliveMillis: Int? = nil,
        inactivityMillis: Int? = nil,
        requestedMaxBandwidth: Double? = nil,
        contentLength: Int? = nil,
        supportedDiffs: [TLCPDiffFormat]? = nil,
        sendSync: Bool? = false,
        oldSession: String? = nil,
        cause: String? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_keepalive_millis", keepaliveMillis)
        parameters.append("LS_inactivity_millis", inactivityMillis)
        parameters.append("LS_requested_max_bandwidth", requestedMaxBandwidth)
        parameters.append("LS_adapter_set", adapterSet)
        parameters.append("LS_user", credentials?.user)
        parameters.append("LS_cid", clientID)
        parameters.append("LS_content_length", contentLength)
        parameters.append("LS_supported_diffs", supportedDiffs.map { $0.map(\.rawValue).joined(separator: ",") })
        parameters.append("LS_send_sync", sendSync)
        parameters.append("LS_old_session", oldSession)
        parameters.append("LS_cause", cause)
        parameters.append("LS_password", credentials?.password)
        return TLCPRequest(name: .createSession, parameters: parameters)
    }

    /// `bind_session`: rebinds `sessionID` (which may be omitted on the WebSocket that last bound it) to a new stream
    /// connection. With `recoveryFrom`, asks the server to resume after that many data notifications.
    public static func bindSession(
        sessionID: String?,
        recoveryFrom: Int? = nil,
        keepaliveMillis: Int? = nil,
        inactivityMillis: Int? = nil,
        contentLength: Int? = nil,
        sendSync: Bool? = false,
        cause: String? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_session", sessionID)
        parameters.append("LS_recovery_from", recoveryFrom)
        parameters.append("LS_keepalive_millis", keepaliveMillis)
        parameters.append("LS_inactivity_millis", inactivityMillis)
        parameters.append("LS_content_length", contentLength)
        parameters.append("LS_send_sync", sendSync)
        parameters.append("LS_cause", cause)
        return TLCPRequest(name: .bindSession, parameters: parameters)
    }

    /// `control` with `LS_op=add`. `session` is required over HTTP and normally omitted on a WebSocket; `ack: false`
    /// (WebSocket only) suppresses the `REQOK`.
    public static func subscribe(
        requestID: String, subscriptionID: Int, subscription: TLCPSubscription, session: String? = nil,
        ack: Bool? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_reqId", requestID)
        parameters.append("LS_op", "add")
        parameters.append("LS_subId", subscriptionID)
        parameters.append("LS_mode", subscription.mode.rawValue)
        parameters.append("LS_group", subscription.items.joined(separator: " "))
        parameters.append("LS_schema", subscription.fields.joined(separator: " "))
        parameters.append("LS_data_adapter", subscription.dataAdapter)
        parameters.append("LS_selector", subscription.selector)
        switch subscription.snapshot {
        case .enabled?: parameters.append("LS_snapshot", "true")
        case .disabled?: parameters.append("LS_snapshot", "false")
        case .limited(let count)?: parameters.append("LS_snapshot", count)
        case nil: break
        }
        parameters.append("LS_requested_max_frequency", subscription.requestedMaxFrequency.map(Self.frequencyText))
        parameters.append("LS_requested_buffer_size", subscription.requestedBufferSize)
        parameters.append("LS_session", session)
        parameters.append("LS_ack", ack)
        return TLCPRequest(name: .control, parameters: parameters)
    }

    /// `control` with `LS_op=delete`.
    public static func unsubscribe(
        requestID: String, subscriptionID: Int, session: String? = nil, ack: Bool? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_reqId", requestID)
        parameters.append("LS_op", "delete")
        parameters.append("LS_subId", subscriptionID)
        parameters.append("LS_session", session)
        parameters.append("LS_ack", ack)
        return TLCPRequest(name: .control, parameters: parameters)
    }

    /// `control` with `LS_op=reconf`: changes a subscription's maximum frequency.
    public static func reconfigure(
        requestID: String, subscriptionID: Int, maxFrequency: TLCPSubscription.Frequency, session: String? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_reqId", requestID)
        parameters.append("LS_op", "reconf")
        parameters.append("LS_subId", subscriptionID)
        parameters.append("LS_requested_max_frequency", frequencyText(maxFrequency))
        parameters.append("LS_session", session)
        return TLCPRequest(name: .control, parameters: parameters)
    }

    /// `control` with `LS_op=constrain`: changes the session's bandwidth limit (`nil` = unlimited).
    public static func constrain(requestID: String, maxBandwidth: Double?, session: String? = nil) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_reqId", requestID)
        parameters.append("LS_op", "constrain")
        parameters.append("LS_requested_max_bandwidth", maxBandwidth.map { String($0) } ?? "unlimited")
        parameters.append("LS_session", session)
        return TLCPRequest(name: .control, parameters: parameters)
    }

    /// `control` with `LS_op=force_rebind`: asks the server to end the stream with `LOOP`.
    public static func forceRebind(requestID: String, session: String? = nil) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_reqId", requestID)
        parameters.append("LS_op", "force_rebind")
        parameters.append("LS_session", session)
        return TLCPRequest(name: .control, parameters: parameters)
    }

    /// `control` with `LS_op=destroy`: ends the session.
    public static func destroy(
        requestID: String, session: String? = nil, closeSocket: Bool? = true, cause: String? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_reqId", requestID)
        parameters.append("LS_op", "destroy")
        parameters.append("LS_close_socket", closeSocket)
        parameters.append("LS_cause", cause)
        parameters.append("LS_session", session)
        return TLCPRequest(name: .control, parameters: parameters)
    }

    /// `heartbeat`: tells the server the client is alive (reverse keepalive).
    public static func heartbeat(session: String? = nil) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_session", session)
        return TLCPRequest(name: .heartbeat, parameters: parameters)
    }

    /// `msg`: sends a message to the Metadata Adapter. The outcome comes back as `MSGDONE`/`MSGFAIL` when
    /// `outcome` is requested.
    public static func message(
        _ text: String, sequence: String? = nil, progressive: Int? = nil, outcome: Bool? = nil,
        session: String? = nil
    ) -> TLCPRequest {
        var parameters: [TLCPParameter] = []
        parameters.append("LS_message", text)
        parameters.append("LS_sequence", sequence)
        parameters.append("LS_msg_prog", progressive)
        parameters.append("LS_outcome", outcome)
        parameters.append("LS_session", session)
        return TLCPRequest(name: .message, parameters: parameters)
    }

    static func frequencyText(_ frequency: TLCPSubscription.Frequency) -> String {
        switch frequency {
        case .unlimited: return "unlimited"
        case .unfiltered: return "unfiltered"
        case .perSecond(let value): return String(value)
        }
    }
}

extension [TLCPParameter] {
    fileprivate mutating func append(_ name: String, _ value: String?) {
        if let value { append(TLCPParameter(name, value)) }
    }

    fileprivate mutating func append(_ name: String, _ value: Int?) {
        if let value { append(TLCPParameter(name, String(value))) }
    }

    fileprivate mutating func append(_ name: String, _ value: Double?) {
        if let value { append(TLCPParameter(name, String(value))) }
    }

    fileprivate mutating func append(_ name: String, _ value: Bool?) {
        if let value { append(TLCPParameter(name, value ? "true" : "false")) }
    }
}
