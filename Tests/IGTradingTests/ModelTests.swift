import Foundation
import IGModels
import Testing

@testable import IGTrading

@Suite("Models and formats")
struct ModelTests {
    @Test("Decimal levels round-trip exactly")
    func decimalRoundTrip() throws {
        let json = Data(#"{"bid":1.23456,"ask":1.23466,"lastTraded":null}"#.utf8)
        let quote = try JSONDecoder().decode(PriceQuote.self, from: json)
        #expect(quote.bid == Decimal(string: "1.23456"))
        #expect("\(quote.bid!)" == "1.23456")
        #expect(quote.spread == Decimal(string: "0.0001"))
        let again = try JSONDecoder().decode(PriceQuote.self, from: try JSONEncoder().encode(quote))
        #expect(again == quote)
    }

    @Test(
        "IG date layouts parse as UTC wall-clock fields",
        arguments: [
            ("2024-03-31T01:30:00", IGDateFormat.iso, 1_711_848_600.0),
            ("2024-03-31T01:30:00.250", .iso, 1_711_848_600.25),
            ("2024-03-31T01:30:00Z", .iso, 1_711_848_600.0),
            ("2024/03/31 01:30:00", .slashed, 1_711_848_600.0),
            ("2024:03:31-01:30:00", .colon, 1_711_848_600.0),
            ("2000-01-01 00:00:00", .spaced, 946_684_800.0),
            ("1999-12-31T23:59:59", .iso, 946_684_799.0),
        ])
    func dates(text: String, format: IGDateFormat, epoch: Double) {
        #expect(format.date(from: text)?.timeIntervalSince1970 == epoch)
        let date = Date(timeIntervalSince1970: epoch.rounded(.down))
        #expect(format.date(from: format.string(from: date)) == date)
    }

    @Test(
        "Malformed dates are rejected",
        arguments: ["", "2024-13-01T00:00:00", "2024-01-01 00:00:00", "2024-01-01T00:00"])
    func badDates(text: String) {
        #expect(IGDateFormat.iso.date(from: text) == nil)
    }

    @Test(
        "Resolutions accept IG names and pandas aliases",
        arguments: [
            ("HOUR", Resolution.hour), ("hour_4", .hour4), ("1Min", .minute), ("5Min", .minute5), ("15min", .minute15),
            ("1h", .hour), ("4h", .hour4), ("D", .day), ("W", .week), ("ME", .month), ("M", .month), ("1s", .second),
        ])
    func resolutions(text: String, expected: Resolution) throws {
        #expect(try Resolution(parsing: text) == expected)
    }

    @Test("Unknown resolutions fail with a message listing the valid names")
    func badResolution() {
        #expect(throws: ResolutionParseError.self) { try Resolution(parsing: "7h") }
        let message =
            (try? Resolution(parsing: "fortnight")).map { _ in "" }
            ?? ResolutionParseError(input: "fortnight").description
        #expect(message.contains("HOUR_4") && message.contains("fortnight"))
    }

    @Test("Unknown enum values and missing optional fields never break decoding")
    func tolerantDecoding() throws {
        let json = Data(
            #"""
            {"accounts":[{"accountId":"X1","accountName":null,"status":"SOMETHING_NEW","accountType":"KNOCKOUTS",
            "preferred":true,"balance":null,"currency":"GBP","canTransferFrom":true,"canTransferTo":false,
            "futureField":{"a":1}}]}
            """#.utf8)
        let accounts = try JSONDecoder().decode(AccountsResponse.self, from: json).accounts
        #expect(accounts[0].status?.rawValue == "SOMETHING_NEW")
        #expect(accounts[0].accountType == AccountType(rawValue: "KNOCKOUTS"))
        #expect(accounts[0].balance == nil)
    }

    @Test("The encryption key timestamp may be a number or a string")
    func encryptionKeyTimestamp() throws {
        let number = try JSONDecoder().decode(
            EncryptionKey.self, from: Data(#"{"encryptionKey":"AA==","timeStamp":1700000000000}"#.utf8))
        let string = try JSONDecoder().decode(
            EncryptionKey.self, from: Data(#"{"encryptionKey":"AA==","timeStamp":"1700000000000"}"#.utf8))
        #expect(number.timeStamp == string.timeStamp)
    }

    @Test("A v3 price bar takes its time from snapshotTimeUTC, never from the local time")
    func priceBarTime() throws {
        let json = Data(
            #"""
            {"snapshotTime":"2024/07/01 10:00:00","snapshotTimeUTC":"2024-07-01T09:00:00",
             "openPrice":{"bid":1.1,"ask":1.2,"lastTraded":null},"closePrice":{"bid":1.1,"ask":1.2,"lastTraded":null},
             "highPrice":{"bid":1.1,"ask":1.2,"lastTraded":null},"lowPrice":{"bid":1.1,"ask":1.2,"lastTraded":null},
             "lastTradedVolume":12}
            """#.utf8)
        let bar = try #require(PriceBar(payload: try JSONDecoder().decode(PriceBarPayload.self, from: json)))
        #expect(bar.time == IGDateFormat.iso.date(from: "2024-07-01T09:00:00"))
        #expect(bar.localTime == "2024/07/01 10:00:00")
        #expect(bar.volume == 12)
    }

    @Test("DELETE with a body travels as POST + _method: DELETE, for that request only")
    func methodOverride() {
        let withBody = IGRequest(.delete, "/positions/otc", body: Data("{}".utf8))
        #expect(withBody.wireMethod == .post)
        #expect(withBody.methodOverride == "DELETE")
        let plain = IGRequest(.delete, "/session")
        #expect(plain.wireMethod == .delete)
        #expect(plain.methodOverride == nil)
        let post = IGRequest(.post, "/positions/otc", body: Data("{}".utf8))
        #expect(post.methodOverride == nil)
    }

    @Test("Path segments are percent-encoded below the gateway base")
    func urls() {
        let base = IGEnvironment.custom(URL(string: "http://127.0.0.1:8470")!).restBaseURL
        #expect(base.absoluteString == "http://127.0.0.1:8470/gateway/deal")
        let url = IGRequest(.get, "/watchlists/Popular Markets").url(relativeTo: base)
        #expect(url?.absoluteString == "http://127.0.0.1:8470/gateway/deal/watchlists/Popular%20Markets")
        #expect(IGEnvironment.demo.restBaseURL.absoluteString == "https://demo-api.ig.com/gateway/deal")
        #expect(IGEnvironment.live.restBaseURL.absoluteString == "https://api.ig.com/gateway/deal")
    }

    @Test("Credentials come from trading-ig's environment variables, with clear errors when missing")
    func environmentCredentials() throws {
        let credentials = try IGCredentials.fromEnvironment([
            "IG_SERVICE_USERNAME": "user", "IG_SERVICE_PASSWORD": "pw", "IG_SERVICE_API_KEY": "key",
            "IG_SERVICE_ACC_TYPE": "LIVE", "IG_SERVICE_ACC_NUMBER": "ABC12",
        ])
        #expect(credentials.environment == .live)
        #expect(credentials.accountId == "ABC12")
        do {
            _ = try IGCredentials.fromEnvironment(["IG_SERVICE_USERNAME": "user"])
            Issue.record("missing variables must throw")
        } catch {
            #expect(error.code == .missingCredentials)
            #expect(error.detail?.contains("IG_SERVICE_PASSWORD") == true)
        }
    }

    @Test("Credentials come from a profile file")
    func profileCredentials() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("profiles-\(UUID().uuidString).json")
        try Data(
            #"{"profiles":{"demo":{"identifier":"u","password":"p","apiKey":"k","environment":"demo","accountId":"Z9"}}}"#
                .utf8
        ).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let credentials = try IGCredentials.fromProfile(named: "demo", file: file)
        #expect(credentials.identifier == "u" && credentials.environment == .demo && credentials.accountId == "Z9")
        #expect(throws: IGError.self) { try IGCredentials.fromProfile(named: "live", file: file) }
    }
}
