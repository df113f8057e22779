import Foundation
import IGModels
import Lightstreamer
import Testing

@testable import IGStreaming

@Suite("IG streaming values")
struct IGStreamingValuesTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func utcDate(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Date {
        utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))!
    }

    @Test("Decimals are exact")
    func decimals() {
        #expect(IGStreamingValues.decimal("1.23456") == Decimal(string: "1.23456"))
        #expect("\(IGStreamingValues.decimal("1.23456")!)" == "1.23456")
        #expect(IGStreamingValues.decimal("-0.5") == Decimal(string: "-0.5"))
        #expect(IGStreamingValues.decimal("DEAL") == nil)
    }

    @Test("UPDATE_TIME is UK local time: GMT in winter, BST in summer")
    func ukTime() {
        let winter = Self.utcDate(2026, 1, 15, 12, 0, 0)
        #expect(IGStreamingValues.ukTimeOfDay("11:59:30", near: winter) == Self.utcDate(2026, 1, 15, 11, 59, 30))
        let summer = Self.utcDate(2026, 7, 15, 12, 0, 0)
        #expect(IGStreamingValues.ukTimeOfDay("12:59:30", near: summer) == Self.utcDate(2026, 7, 15, 11, 59, 30))
    }

    @Test("UPDATE_TIME around midnight belongs to the nearest UK day")
    func midnight() {
        // Received at 00:00:05 UK (summer: 23:00:05 UTC the day before) for an update stamped 23:59:58 UK.
        let received = Self.utcDate(2026, 7, 14, 23, 0, 5)
        #expect(IGStreamingValues.ukTimeOfDay("23:59:58", near: received) == Self.utcDate(2026, 7, 14, 22, 59, 58))
        // Received at 23:59:59 UK in winter for an update stamped 00:00:01 UK (clock skew): the next day.
        let late = Self.utcDate(2026, 1, 14, 23, 59, 59)
        #expect(IGStreamingValues.ukTimeOfDay("00:00:01", near: late) == Self.utcDate(2026, 1, 15, 0, 0, 1))
        #expect(IGStreamingValues.ukTimeOfDay("25:00:00", near: late) == nil)
    }

    @Test("TRADE payloads are decoded only when their field changed")
    func tradeChangedOnly() {
        let items = [IGStreamingItem.trade("ABC123")]
        let decode = IGUpdateDecoder.trades(items, fields: IGStreamingFields.trade)
        let confirm =
            #"{"dealReference":"REF1","dealId":"DIAAA","direction":"BUY","epic":"CS.D.EURUSD.TODAY.IP","size":1.5,"level":1.23456,"dealStatus":"ACCEPTED","status":"OPEN","reason":"SUCCESS"}"#
        let opu =
            #"{"dealReference":"REF1","dealId":"DIAAA","direction":"SELL","epic":"IX.D.DAX.IFMM.IP","status":"DELETED","dealStatus":"ACCEPTED","level":13951.5,"size":0,"timestamp":"2022-05-13T12:55:48.761","channel":"WTP","dealIdOrigin":"DIAAA","expiry":"-","stopLevel":null,"limitLevel":null,"guaranteedStop":false}"#
        let first = decode(TLCPItemUpdate(item: 1, values: [confirm, nil, nil], changedFields: [0], isSnapshot: false))
        guard case .confirmation(let confirmation)? = first.first?.payload else {
            Issue.record("expected a confirmation, got \(first)")
            return
        }
        #expect(first.count == 1)
        #expect(confirmation.level == Decimal(string: "1.23456"))
        #expect(confirmation.dealStatus == .accepted)
        // CONFIRMS unchanged (still holding the old value), OPU changed: only the OPU is emitted.
        let second = decode(
            TLCPItemUpdate(item: 1, values: [confirm, opu, nil], changedFields: [1], isSnapshot: false))
        #expect(second.count == 1)
        guard case .openPosition(let position)? = second.first?.payload else {
            Issue.record("expected a position update, got \(second)")
            return
        }
        #expect(position.status == "DELETED")
        #expect(position.timestamp == "2022-05-13T12:55:48.761")
        #expect(position.level == Decimal(string: "13951.5"))
    }

    @Test("PRICE updates map IG's fields")
    func priceFields() {
        let items = [IGStreamingItem.price(account: "ABC123", epic: "CS.D.EURUSD.TODAY.IP")]
        let decode = IGUpdateDecoder.prices(items, fields: IGStreamingFields.price)
        let values: [String?] = [
            "1.08412", "1.08421", "1000000", "1000000", "1.0865", "1.0798", "1.0812", "0.00292", "1732550400000",
            "DEAL ",
        ]
        let update = decode(
            TLCPItemUpdate(item: 1, values: values, changedFields: Array(0..<10), isSnapshot: true))[0]
        #expect(update.epic == "CS.D.EURUSD.TODAY.IP")
        #expect(update.bid == Decimal(string: "1.08412"))
        #expect(update.ask == Decimal(string: "1.08421"))
        #expect(update.timestamp == Date(timeIntervalSince1970: 1_732_550_400))
        #expect(update.dealingFlag == "DEAL")
        #expect(update.isSnapshot)
        #expect(update.changedFields.contains("BIDPRICE1"))
    }

    @Test("Item names")
    func itemNames() {
        #expect(
            IGStreamingItem.chartCandle(epic: "IX.D.FTSE.DAILY.IP", scale: .oneMinute).description
                == "CHART:IX.D.FTSE.DAILY.IP:1MINUTE")
        #expect(IGStreamingItem.market(epic: "IX.D.FTSE.DAILY.IP").description == "MARKET:IX.D.FTSE.DAILY.IP")
    }
}
