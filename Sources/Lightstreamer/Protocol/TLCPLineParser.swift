/// The first-pass TLCP parser: the tag up to the first comma selects a fixed argument layout.
enum TLCPLineParser {
    /// Tags packed big-endian into an integer (tags are at most 8 ASCII bytes), so dispatch is one integer switch.
    enum Tag {
        static let conok: UInt64 = 0x434F_4E4F_4B
        static let conerr: UInt64 = 0x434F_4E45_5252
        static let end: UInt64 = 0x454E_44
        static let loop: UInt64 = 0x4C4F_4F50
        static let sync: UInt64 = 0x5359_4E43
        static let probe: UInt64 = 0x5052_4F42_45
        static let noop: UInt64 = 0x4E4F_4F50
        static let servname: UInt64 = 0x5345_5256_4E41_4D45
        static let clientip: UInt64 = 0x434C_4945_4E54_4950
        static let cons: UInt64 = 0x434F_4E53
        static let prog: UInt64 = 0x5052_4F47
        static let wsok: UInt64 = 0x5753_4F4B
        static let reqok: UInt64 = 0x5245_514F_4B
        static let reqerr: UInt64 = 0x5245_5145_5252
        static let error: UInt64 = 0x4552_524F_52
        static let subok: UInt64 = 0x5355_424F_4B
        static let subcmd: UInt64 = 0x5355_4243_4D44
        static let unsub: UInt64 = 0x554E_5355_42
        static let u: UInt64 = 0x55
        static let eos: UInt64 = 0x454F_53
        static let cs: UInt64 = 0x4353
        static let ov: UInt64 = 0x4F56
        static let conf: UInt64 = 0x434F_4E46
        static let msgdone: UInt64 = 0x4D53_4744_4F4E_45
        static let msgfail: UInt64 = 0x4D53_4746_4149_4C
        static let mpnreg: UInt64 = 0x4D50_4E52_4547
        static let mpnzero: UInt64 = 0x4D50_4E5A_4552_4F
        static let mpnok: UInt64 = 0x4D50_4E4F_4B
        static let mpnconf: UInt64 = 0x4D50_4E43_4F4E_46
        static let mpndel: UInt64 = 0x4D50_4E44_454C
    }

    /// Parses the bytes of a line without its terminator; `line` is the original text, sliced for `U` values.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Substring) -> TLCPNotification? {
        var tag: UInt64 = 0
        var index = 0
        while index < bytes.count, bytes[index] != UInt8(ascii: ",") {
            if index == 8 { return nil }
            tag = tag << 8 | UInt64(bytes[index])
            index += 1
        }
        if index == 0 { return nil }
        var args = TLCPArgumentReader(bytes: bytes, tagEnd: index)

        // Hot path first.
        if tag == Tag.u {
            guard let subID = args.nextInt(), let item = args.nextInt(), let values = args.restRange() else {
                return nil
            }
            let utf8 = line.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: values.lowerBound)
            let end = utf8.index(start, offsetBy: values.count)
            return .update(subscriptionID: subID, item: item, values: Substring(utf8[start..<end]))
        }
        switch tag {
        case Tag.probe:
            return .probe
        case Tag.wsok:
            return .webSocketOK
        case Tag.conok:
            guard let session = args.next(), let limit = args.nextInt(), let keepalive = args.nextInt(),
                let link = args.rest()
            else { return nil }
            let controlLink = link == "*" || link.isEmpty ? nil : TLCPPercentEncoding.decode(link)
            return .connectionOK(
                sessionID: TLCPPercentEncoding.decode(session), requestLimit: limit, keepaliveMillis: keepalive,
                controlLink: controlLink)
        case Tag.conerr:
            guard let code = args.nextInt() else { return nil }
            return .connectionError(code: code, message: args.restDecoded())
        case Tag.end:
            guard let code = args.nextInt() else { return nil }
            return .end(code: code, message: args.restDecoded())
        case Tag.loop:
            guard let delay = args.restInt() else { return nil }
            return .loop(delayMillis: delay)
        case Tag.sync:
            guard let seconds = args.restInt() else { return nil }
            return .sync(seconds: seconds)
        case Tag.noop:
            return .noop(String(args.rest() ?? ""))
        case Tag.servname:
            return .serverName(args.restDecoded())
        case Tag.clientip:
            return .clientIP(args.restDecoded())
        case Tag.cons:
            guard let value = args.rest() else { return nil }
            switch value {
            case "unlimited": return .constrain(.unlimited)
            case "unmanaged": return .constrain(.unmanaged)
            default:
                guard let kbps = Double(value) else { return nil }
                return .constrain(.kilobitsPerSecond(kbps))
            }
        case Tag.prog:
            guard let progressive = args.restInt() else { return nil }
            return .progressive(progressive)
        case Tag.reqok:
            guard let requestID = args.rest() else { return .requestOK(requestID: nil) }
            return .requestOK(requestID: requestID.isEmpty ? nil : String(requestID))
        case Tag.reqerr:
            guard let requestID = args.next(), let code = args.nextInt() else { return nil }
            return .requestError(requestID: String(requestID), code: code, message: args.restDecoded())
        case Tag.error:
            guard let code = args.nextInt() else { return nil }
            return .error(code: code, message: args.restDecoded())
        default:
            return parseSubscriptionOrMessage(tag: tag, args: &args)
        }
    }

    private static func parseSubscriptionOrMessage(tag: UInt64, args: inout TLCPArgumentReader) -> TLCPNotification? {
        switch tag {
        case Tag.subok:
            guard let subID = args.nextInt(), let items = args.nextInt(), let fields = args.restInt() else {
                return nil
            }
            return .subscriptionOK(subscriptionID: subID, itemCount: items, fieldCount: fields)
        case Tag.subcmd:
            guard let subID = args.nextInt(), let items = args.nextInt(), let fields = args.nextInt(),
                let key = args.nextInt(), let command = args.restInt()
            else { return nil }
            return .commandSubscriptionOK(
                subscriptionID: subID, itemCount: items, fieldCount: fields, keyField: key, commandField: command)
        case Tag.unsub:
            guard let subID = args.restInt() else { return nil }
            return .unsubscribed(subscriptionID: subID)
        case Tag.eos:
            guard let subID = args.nextInt(), let item = args.restInt() else { return nil }
            return .endOfSnapshot(subscriptionID: subID, item: item)
        case Tag.cs:
            guard let subID = args.nextInt(), let item = args.restInt() else { return nil }
            return .clearSnapshot(subscriptionID: subID, item: item)
        case Tag.ov:
            guard let subID = args.nextInt(), let item = args.nextInt(), let lost = args.restInt() else { return nil }
            return .overflow(subscriptionID: subID, item: item, lostUpdates: lost)
        case Tag.conf:
            guard let subID = args.nextInt(), let frequency = args.next(), let filter = args.rest() else {
                return nil
            }
            let maxFrequency: Double?
            if frequency == "unlimited" {
                maxFrequency = nil
            } else if let value = Double(frequency) {
                maxFrequency = value
            } else {
                return nil
            }
            switch filter {
            case "filtered": return .configuration(subscriptionID: subID, maxFrequency: maxFrequency, isFiltered: true)
            case "unfiltered":
                return .configuration(subscriptionID: subID, maxFrequency: maxFrequency, isFiltered: false)
            default: return nil
            }
        case Tag.msgdone:
            // TLCP 2.4: MSGDONE,<seq>,<prog>; TLCP 2.5 adds a third argument, <response>.
            guard let sequence = args.next(), let progressive = args.nextInt() ?? args.restInt() else { return nil }
            let response = args.rest().map { TLCPPercentEncoding.decode($0) }
            return .messageDone(sequence: messageSequence(sequence), progressive: progressive, response: response)
        case Tag.msgfail:
            guard let sequence = args.next(), let progressive = args.nextInt(), let code = args.nextInt() else {
                return nil
            }
            return .messageFailed(
                sequence: messageSequence(sequence), progressive: progressive, code: code,
                message: args.restDecoded())
        default:
            return parseMPN(tag: tag, args: &args)
        }
    }

    private static func parseMPN(tag: UInt64, args: inout TLCPArgumentReader) -> TLCPNotification? {
        switch tag {
        case Tag.mpnreg:
            guard let device = args.next(), let adapter = args.rest() else { return nil }
            return .mpnDeviceRegistered(
                deviceID: TLCPPercentEncoding.decode(device), adapterName: TLCPPercentEncoding.decode(adapter))
        case Tag.mpnzero:
            guard let device = args.rest() else { return nil }
            return .mpnBadgeReset(deviceID: TLCPPercentEncoding.decode(device))
        case Tag.mpnok:
            guard let subID = args.nextInt(), let mpnID = args.rest() else { return nil }
            return .mpnSubscriptionActivated(
                subscriptionID: subID, mpnSubscriptionID: TLCPPercentEncoding.decode(mpnID))
        case Tag.mpnconf:
            // The spec's own example carries an empty argument before the id; take the last one.
            guard let rest = args.rest() else { return nil }
            let last = rest.split(separator: ",", omittingEmptySubsequences: false).last ?? rest
            return .mpnSubscriptionReconfigured(mpnSubscriptionID: TLCPPercentEncoding.decode(last))
        case Tag.mpndel:
            guard let mpnID = args.rest() else { return nil }
            return .mpnSubscriptionDeleted(mpnSubscriptionID: TLCPPercentEncoding.decode(mpnID))
        default:
            return nil
        }
    }

    private static func messageSequence(_ text: Substring) -> String? {
        text == "*" ? nil : TLCPPercentEncoding.decode(text)
    }
}
