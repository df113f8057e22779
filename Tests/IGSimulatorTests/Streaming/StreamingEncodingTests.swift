import Testing

@testable import IGSimulator

@Suite("Lightstreamer server: pure encoding and subscription state")
struct StreamingEncodingTests {
    @Test(arguments: [
        (String?.none, "#"), ("", "$"), ("1.2345", "1.2345"), ("a|b", "a%7Cb"), ("50%", "50%25"),
        ("#tag", "%23tag"), ("$x", "%24x"), ("^2", "%5E2"), ("a#b", "a#b"), ("line\r\nnext", "line%0D%0Anext"),
        (#"{"a":[1,2]}"#, #"{"a":[1,2]}"#),
    ])
    func valueEncoding(value: String?, encoded: String) {
        #expect(TLCPEncoding.value(value) == encoded)
    }

    @Test func updateLineRuns() {
        #expect(
            TLCPEncoding.update(subscription: 3, item: 1, tokens: ["1", nil, "2", nil, nil, nil]) == "U,3,1,1||2|^3")
        #expect(TLCPEncoding.update(subscription: 1, item: 2, tokens: [nil, nil]) == "U,1,2,^2")
        #expect(TLCPEncoding.update(subscription: 1, item: 1, tokens: [nil, "x"]) == "U,1,1,|x")
    }

    @Test func requestParsing() {
        let requests = TLCPClientRequest.parseFrame(
            "control\r\nLS_reqId=1&LS_op=add&LS_group=A%3AB%20C&LS_password=CST-a%7CXST-b+c\r\nLS_reqId=2&LS_op=delete")
        #expect(requests.count == 2)
        #expect(requests[0].name == "control")
        #expect(requests[0]["LS_group"] == "A:B C")
        #expect(requests[0]["LS_password"] == "CST-a|XST-b+c")
        #expect(requests[1]["LS_op"] == "delete")
        #expect(TLCPClientRequest.parseFrame("wsok") == [TLCPClientRequest(name: "wsok", parameters: [:])])
        #expect(TLCPClientRequest.parseFrame("heartbeat\r\n\r\n").map(\.name) == ["heartbeat"])
    }

    @Test func itemsAndFields() {
        #expect(
            StreamItem(name: "PRICE:ZSB01:CS.D.EURUSD.TODAY.IP")
                == .price(accountId: "ZSB01", epic: "CS.D.EURUSD.TODAY.IP"))
        #expect(
            StreamItem(name: "CHART:IX.D.FTSE.DAILY.IP:5MINUTE")
                == .chartCandle(epic: "IX.D.FTSE.DAILY.IP", seconds: 300))
        #expect(StreamItem(name: "CHART:IX.D.FTSE.DAILY.IP:2MINUTE") == nil)
        #expect(StreamField(name: "OFR_CLOSE", family: .chartCandle) == .candleOffer(.close))
        #expect(StreamField(name: "NET_CHG_", family: .price) == .unknown)
    }

    @Test func mergeSendsOnlyChangesAndDistinctCountsDrops() {
        var merge = StreamSubscription(
            id: 1, mode: .merge, items: [.market(epic: "X")], fieldNames: ["BID", "OFFER"], snapshot: true,
            maxFrequency: nil)
        #expect(merge.event(item: 0, values: ["1", "2"], millis: 0) == ["U,1,1,1|2"])
        #expect(merge.event(item: 0, values: ["1", "2"], millis: 1).isEmpty)
        #expect(merge.event(item: 0, values: ["1", "3"], millis: 2) == ["U,1,1,|3"])
        var distinct = StreamSubscription(
            id: 2, mode: .distinct, items: [.chartTick(epic: "X")], fieldNames: ["BID"], snapshot: true,
            maxFrequency: 1)
        #expect(distinct.event(item: 0, values: ["1"], millis: 0) == ["U,2,1,1"])
        #expect(distinct.event(item: 0, values: ["2"], millis: 100).isEmpty)
        #expect(distinct.event(item: 0, values: ["3"], millis: 200).isEmpty)
        #expect(distinct.event(item: 0, values: ["4"], millis: 1_000) == ["OV,2,1,2", "U,2,1,4"])
    }
}
