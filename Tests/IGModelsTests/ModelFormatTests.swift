import Foundation
import IGModels
import Testing

@Suite("Models and formats")
struct ModelFormatTests {
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
        "Resolutions accept IG names, pandas aliases and the words people type",
        arguments: [
            ("HOUR", Resolution.hour), ("hour_4", .hour4), ("1Min", .minute), ("5Min", .minute5), ("15min", .minute15),
            ("1h", .hour), ("4h", .hour4), ("D", .day), ("W", .week), ("ME", .month), ("M", .month), ("1s", .second),
            ("hourly", .hour), ("Daily", .day), ("4hr", .hour4), ("15mins", .minute15), ("weekly", .week),
            ("monthly", .month), ("MINUTE_1", .minute), ("hour_1", .hour),
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
        #expect(ResolutionParseError(input: "fortnight").suggestion == nil)
    }

    @Test("1M is refused as ambiguous (a month to Binance and pandas, a minute as 1m); 1m and M keep their meaning")
    func ambiguousMonth() throws {
        do {
            _ = try Resolution(parsing: " 1M")
            Issue.record("1M was read as a resolution")
        } catch {
            #expect(
                error.description
                    == "' 1M' is ambiguous: a month in Binance's and pandas' spelling, a minute as 1m. Give 1min (MINUTE) or M (MONTH)."
            )
        }
        #expect(try Resolution(parsing: "1m") == .minute)
        #expect(try Resolution(parsing: "M") == .month)
        #expect(try Resolution(parsing: "5M") == .minute5)
    }

    @Test(
        "An unknown resolution a letter or two from one IG name suggests it; none when two are as near, or none is",
        arguments: [
            ("HOURS", Resolution?.some(.hour)), ("huor", .hour), ("MINUTES", .minute), ("MINUTE5", .minute5),
            ("days", .day), ("WEEKS", .week), ("Months", .month), ("SECONDS", .second),
            ("MINUTE_4", nil), ("7h", nil), ("X", nil), ("", nil), (String(repeating: "HOUR", count: 1_000), nil),
        ])
    func suggestion(text: String, expected: Resolution?) {
        let error = ResolutionParseError(input: text)
        #expect(error.suggestion == expected)
        if let expected {
            #expect(error.description.contains("Did you mean \(expected.rawValue)?"), "\(error.description)")
        } else {
            #expect(!error.description.contains("Did you mean"))
        }
    }

    @Test("Edit distance counts insertions, deletions and substitutions")
    func editDistance() {
        #expect(EditDistance.between("HOUR", "HOUR") == 0)
        #expect(EditDistance.between("HOURS", "HOUR") == 1)
        #expect(EditDistance.between("HUOR", "HOUR") == 2)
        #expect(EditDistance.between("", "DAY") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
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
}
