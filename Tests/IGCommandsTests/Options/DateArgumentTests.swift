import Foundation
import IGMarketData
import IGModels
import Testing

@testable import IGCommands

@Suite("Dates and spans on the command line")
struct DateArgumentTests {
    @Test(
        "accepted forms, all UTC",
        arguments: [
            ("2026-11-01", 1_793_491_200.0),
            ("2026-11-01T10:00", 1_793_527_200),
            ("2026-11-01 10:00", 1_793_527_200),
            ("2026-11-01T10:00:30", 1_793_527_230),
            ("2026-11-01T10:00:30Z", 1_793_527_230),
            ("2026-11-01T10:00:30.250Z", 1_793_527_230.25),
            ("2026-11-01T11:00:30+01:00", 1_793_527_230),
            ("2026-11-01T10:00-0530", 1_793_547_000),
            ("2024-02-29", 1_709_164_800),
            // ISO 8601's proleptic Gregorian calendar before 1582, as the store prints times (Foundation's calendar
            // turned Julian there and read 0001-01-01 two days early).
            ("0001-01-01", -62_135_596_800),
            ("1500-03-01", -14_826_672_000),
            ("9999-12-31T23:59:59", 253_402_300_799),
        ])
    func accepted(text: String, seconds: Double) throws {
        let date = try #require(UTCDateText.date(text))
        #expect(date.timeIntervalSince1970 == seconds)
    }

    @Test(
        "refused forms",
        arguments: [
            "", "yesterday", "2026-02-30", "2025-02-29", "2026-13-01", "2026-1-01", "2026-11-01T10",
            "2026-11-01T25:00", "2026-11-01T10:60", "2026-11-01T10:00:61", "2026-11-01T10:00+25:00", "01/11/2026",
            "1900-02-29", "2100-02-29",
        ])
    func refused(text: String) {
        #expect(UTCDateText.date(text) == nil)
    }

    @Test(
        "spans for --last",
        arguments: [
            ("90s", 90.0), ("30m", 1_800), ("6h", 21_600), ("3d", 259_200), ("2w", 1_209_600), ("1.5h", 5_400),
            ("3D", 259_200),
        ])
    func spans(text: String, seconds: Double) {
        #expect(UTCDateParser.span(text) == seconds)
    }

    @Test(
        "refused spans: malformed, not positive, or longer than 1,000 years",
        arguments: ["", "3", "d", "0d", "-3d", "3x", "inf d", "1e30w", "52200w", "nan d"])
    func refusedSpans(text: String) {
        #expect(UTCDateParser.span(text) == nil)
    }

    @Test("a printed time reads back as the same instant, in any year the store holds")
    func roundTrip() throws {
        for seconds: Int64 in [-62_135_596_800, -30_610_224_000, -12_219_292_800, 0, 951_782_400, 253_402_300_799] {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let printed = IGDateFormat.iso.string(from: date) + "Z"
            #expect(try #require(UTCDateText.date(printed)) == date, "\(printed)")
        }
    }
}
