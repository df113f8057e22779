/// One line sent by a Lightstreamer server over TLCP: a session, subscription, message or control notification.
///
/// Build one from a line with `init(line:)`. Parsing never fails: an unknown tag, a wrong argument count or a
/// non-numeric number yields ``unknown(_:)`` holding the raw line, so a surprise from the server (a maintenance
/// banner, a newer protocol's notification) can be logged and skipped instead of killing the stream.
///
/// Non-numeric arguments are percent-decoded, except the field list of ``update(subscriptionID:item:values:)``,
/// which has its own encoding (decode it with ``TLCPUpdateDecoder``).
public enum TLCPNotification: Sendable, Hashable {
    // MARK: Session

    /// `CONOK`: the session was created or bound. A `controlLink` of `nil` means the server sent `*` (keep using
    /// the same address); otherwise every new connection for this session must go to that `host[:port]`.
    case connectionOK(sessionID: String, requestLimit: Int, keepaliveMillis: Int, controlLink: String?)
    /// `CONERR`: creating or binding the session failed (TLCP Appendix A code).
    case connectionError(code: Int, message: String)
    /// `END`: the server closed the session (TLCP Appendix A code).
    case end(code: Int, message: String)
    /// `LOOP`: the stream connection is over; rebind the session, after `delayMillis` (0 means now).
    case loop(delayMillis: Int)
    /// `SYNC`: seconds elapsed on the server since the session was bound.
    case sync(seconds: Int)
    /// `PROBE`: keepalive on an otherwise idle stream.
    case probe
    /// `NOOP`: filler to be ignored.
    case noop(String)
    /// `SERVNAME`: the configured name of the server.
    case serverName(String)
    /// `CLIENTIP`: the client's address as the server sees it.
    case clientIP(String)
    /// `CONS`: the session's bandwidth constraint.
    case constrain(TLCPBandwidth)
    /// `PROG`: on a recovery bind, the count of data notifications already sent; the stream resumes after it.
    case progressive(Int)
    /// `WSOK`: the answer to the WebSocket `wsok` request.
    case webSocketOK

    // MARK: Control responses

    /// `REQOK`: a control request succeeded (`requestID` is `nil` for the answer to an HTTP heartbeat).
    case requestOK(requestID: String?)
    /// `REQERR`: a control request failed (TLCP Appendix B code).
    case requestError(requestID: String, code: Int, message: String)
    /// `ERROR`: a request could not be parsed at all.
    case error(code: Int, message: String)

    // MARK: Subscriptions (data notifications)

    /// `SUBOK`: the subscription is active (all modes but COMMAND).
    case subscriptionOK(subscriptionID: Int, itemCount: Int, fieldCount: Int)
    /// `SUBCMD`: a COMMAND-mode subscription is active; the field positions are 1-based.
    case commandSubscriptionOK(subscriptionID: Int, itemCount: Int, fieldCount: Int, keyField: Int, commandField: Int)
    /// `UNSUB`: the subscription is gone; no further updates for it.
    case unsubscribed(subscriptionID: Int)
    /// `U`: an update (or snapshot event) for the 1-based `item`. `values` is the raw, still-encoded
    /// `|`-separated field list; see ``TLCPUpdateDecoder``.
    case update(subscriptionID: Int, item: Int, values: Substring)
    /// `EOS`: end of the item's snapshot (DISTINCT and COMMAND modes).
    case endOfSnapshot(subscriptionID: Int, item: Int)
    /// `CS`: the item's snapshot was cleared (DISTINCT and COMMAND modes).
    case clearSnapshot(subscriptionID: Int, item: Int)
    /// `OV`: the server dropped `lostUpdates` events for the item.
    case overflow(subscriptionID: Int, item: Int, lostUpdates: Int)
    /// `CONF`: the subscription's frequency configuration; `maxFrequency` is `nil` for `unlimited`.
    case configuration(subscriptionID: Int, maxFrequency: Double?, isFiltered: Bool)

    // MARK: Messages (data notifications)

    /// `MSGDONE`: a client message was processed. `sequence` is `nil` for `*`; `response` exists from TLCP 2.5.0.
    case messageDone(sequence: String?, progressive: Int, response: String?)
    /// `MSGFAIL`: a client message failed.
    case messageFailed(sequence: String?, progressive: Int, code: Int, message: String)

    // MARK: Mobile push notifications (not used by IG; parsed so they are not "unknown")

    /// `MPNREG`: an MPN device was registered.
    case mpnDeviceRegistered(deviceID: String, adapterName: String)
    /// `MPNZERO`: an MPN device's badge was reset.
    case mpnBadgeReset(deviceID: String)
    /// `MPNOK`: an MPN subscription was activated.
    case mpnSubscriptionActivated(subscriptionID: Int, mpnSubscriptionID: String)
    /// `MPNCONF`: an MPN subscription was reconfigured.
    case mpnSubscriptionReconfigured(mpnSubscriptionID: String)
    /// `MPNDEL`: an MPN subscription was deleted.
    case mpnSubscriptionDeleted(mpnSubscriptionID: String)

    /// A line this parser does not understand (unknown tag or malformed arguments), kept verbatim.
    case unknown(String)
}

extension TLCPNotification {
    /// Whether this is a *data notification*, one that counts toward the session's recovery progressive
    /// (`LS_recovery_from` / `PROG`): `U`, `SUBOK`, `SUBCMD`, `UNSUB`, `EOS`, `CS`, `OV`, `CONF`, `MSGDONE`, `MSGFAIL`.
    public var isDataNotification: Bool {
        switch self {
        case .update, .subscriptionOK, .commandSubscriptionOK, .unsubscribed, .endOfSnapshot, .clearSnapshot,
            .overflow, .configuration, .messageDone, .messageFailed:
            return true
        default:
            return false
        }
    }
}
