import Testing

@testable import IGSimulator

@Suite("FIQL filter (activity v3)")
struct FIQLFilterTests {
    static let record: [String: [String]] = [
        "channel": ["PUBLIC_WEB_API"], "status": ["ACCEPTED"], "type": ["POSITION"],
        "details.actions.actionType": ["POSITION_CLOSED", "STOP_ORDER_DELETED"], "epic": ["CS.D.EURUSD.TODAY.IP"],
    ]

    static func matches(_ text: String) throws -> Bool {
        try FIQLFilter(text).matches { Self.record[$0] ?? [] }
    }

    @Test(arguments: [
        ("channel==PUBLIC_WEB_API", true),
        ("channel!=PUBLIC_WEB_API", false),
        ("status==ACCEPTED;type==POSITION", true),
        ("status==REJECTED;type==POSITION", false),
        ("status==REJECTED,type==POSITION", true),
        ("status==ACCEPTED;details.actions.actionType==STOP_ORDER_DELETED", true),
        ("details.actions.actionType!=POSITION_OPENED", true),
        ("(status==REJECTED,channel==WEB);type==POSITION", false),
        ("(status==REJECTED,channel==PUBLIC_WEB_API);type==POSITION", true),
        ("epic==CS.D.EUR*", true),
        ("epic==*.TODAY.IP", true),
        ("epic==IX.*", false),
        ("unknown==x", false),
    ])
    func evaluation(text: String, expected: Bool) throws {
        #expect(try Self.matches(text) == expected, "\(text)")
    }

    @Test(arguments: ["", "channel", "channel=WEB", "channel==", "(status==ACCEPTED", "status==A)", ";type==X"])
    func syntaxErrors(text: String) {
        #expect(throws: FIQLFilter.SyntaxError.self) { try FIQLFilter(text) }
    }
}
