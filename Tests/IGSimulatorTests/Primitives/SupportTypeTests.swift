import Foundation
import Testing

@testable import IGSimulator

@Suite("Calendar and JSON helpers")
struct SupportTypeTests {
    @Test func civilDaysRoundTrip() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let date = CivilTime.date(days: days)
            #expect(CivilTime.days(year: date.year, month: date.month, day: date.day) == days)
        }
        #expect(CivilTime.days(year: 2000, month: 1, day: 1) == 10_957)
        #expect(CivilTime.weekday(days: CivilTime.days(year: 2025, month: 1, day: 6)) == 0)
        #expect(CivilTime.weekday(days: CivilTime.days(year: 2024, month: 6, day: 8)) == 5)
    }

    @Test func londonSummerTime() {
        let springChange = CivilTime(year: 2024, month: 3, day: 31, hour: 1).utcSeconds
        let autumnChange = CivilTime(year: 2024, month: 10, day: 27, hour: 1).utcSeconds
        #expect(CivilTime.londonOffsetHours(utcSeconds: springChange - 1) == 0)
        #expect(CivilTime.londonOffsetHours(utcSeconds: springChange) == 1)
        #expect(CivilTime.londonOffsetHours(utcSeconds: autumnChange - 1) == 1)
        #expect(CivilTime.londonOffsetHours(utcSeconds: autumnChange) == 0)
        let summer = CivilTime(year: 2020, month: 10, day: 12, hour: 20, minute: 50).utcSeconds
        #expect(CivilTime.london(utcSeconds: summer).slashedString == "2020/10/12 21:50:00")
        #expect(CivilTime(utcSeconds: summer).isoString == "2020-10-12T20:50:00")
        #expect(CivilTime(utcSeconds: summer).colonString == "2020:10:12-20:50:00")
    }

    @Test(arguments: [
        ("2020-09-01T00:00:00", "2020-09-01T00:00:00"),
        ("2020-09-01 13:14:15", "2020-09-01T13:14:15"),
        ("2020/09/01 13:14:15", "2020-09-01T13:14:15"),
        ("2020:09:01-13:14:15", "2020-09-01T13:14:15"),
        ("2020-09-01", "2020-09-01T00:00:00"),
        ("2020-09-01T13:14:15.123456+01:00", "2020-09-01T12:14:15"),
        ("2020-09-01T13:14:15Z", "2020-09-01T13:14:15"),
        ("2020-09-01T13:14", "2020-09-01T13:14:00"),
    ])
    func parsesIGDateSpellings(text: String, expected: String) throws {
        let seconds = try #require(CivilTime.parse(text))
        #expect(CivilTime(utcSeconds: seconds).isoString == expected)
    }

    @Test(arguments: ["", "2020-13-01", "yesterday", "2020-09-01T25:00:00", "2020-09-01T10:00:00 junk"])
    func rejectsMalformedDates(text: String) {
        #expect(CivilTime.parse(text) == nil)
    }

    @Test func jsonKeepsNullsOrderAndFloats() throws {
        let value: SimulatorJSON = [
            "b": nil, "a": 72.0, "price": 1.08123, "tiny": 0.00006, "text": "£ \"quoted\"\n", "flag": true, "n": 3,
        ]
        #expect(
            value.text
                == #"{"b":null,"a":72.0,"price":1.08123,"tiny":0.00006,"text":"£ \"quoted\"\n","flag":true,"n":3}"#)
        let parsed = try SimulatorJSON.parse(Data(#"{"x": "true", "y": false, "z": 1.5, "w": [1, null]}"#.utf8))
        #expect(parsed["x"]?.boolValue == true)
        #expect(parsed["y"] == .bool(false))
        #expect(parsed["z"] == .double(1.5))
        #expect(parsed["w"] == [1, nil])
        #expect(try SimulatorJSON.parse(Data()) == .null)
    }
}

@Suite("Token authority")
struct TokenAuthorityTests {
    let accounts = ["ZSB01", "ZCF02"]
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func certificateTokensAuthenticateUntilClosed() {
        var authority = TokenAuthority(accessTokenLifetime: 60, refreshTokenLifetime: 600)
        let session = authority.openCertificateSession(identifier: "u", accountId: "ZSB01")
        let credentials = TokenAuthority.Credentials(
            clientToken: session.clientToken, accountToken: session.accountToken)
        let principal = try? authority.authenticate(credentials, accounts: accounts, now: start).get()
        #expect(principal?.accountId == "ZSB01")
        #expect(principal?.viaOAuth == false)
        var wrong = credentials
        wrong.accountToken = "nope"
        #expect(authority.authenticate(wrong, accounts: accounts, now: start) == .failure(.accountTokenInvalid))
        wrong.clientToken = "nope"
        #expect(authority.authenticate(wrong, accounts: accounts, now: start) == .failure(.clientTokenInvalid))
        #expect(
            authority.authenticate(.init(clientToken: session.clientToken), accounts: accounts, now: start)
                == .failure(.accountTokenMissing))
        #expect(authority.authenticate(.init(), accounts: accounts, now: start) == .failure(.clientTokenMissing))
        authority.close(sessionId: session.id)
        #expect(authority.authenticate(credentials, accounts: accounts, now: start) == .failure(.clientTokenInvalid))
    }

    @Test func accessTokensExpireAndRefreshRotates() throws {
        var authority = TokenAuthority(accessTokenLifetime: 60, refreshTokenLifetime: 600)
        let session = authority.openOAuthSession(identifier: "u", accountId: "ZSB01", now: start)
        let bearer = TokenAuthority.Credentials(bearerToken: session.accessToken, accountId: "ZCF02")
        #expect(try authority.authenticate(bearer, accounts: accounts, now: start).get().accountId == "ZCF02")
        let late = start.addingTimeInterval(61)
        #expect(authority.authenticate(bearer, accounts: accounts, now: late) == .failure(.oauthTokenInvalid))
        var foreign = bearer
        foreign.accountId = "OTHER"
        #expect(authority.authenticate(foreign, accounts: accounts, now: start) == .failure(.accountAccessDenied))

        let refreshResult = authority.refresh(refreshToken: session.refreshToken!, now: late)
        let refreshed = try #require(refreshResult)
        #expect(refreshed.accessToken != session.accessToken)
        #expect(refreshed.refreshToken != session.refreshToken)
        let reused = authority.refresh(refreshToken: session.refreshToken!, now: late)
        #expect(reused == nil, "old refresh token died")
        let renewed = TokenAuthority.Credentials(bearerToken: refreshed.accessToken)
        #expect(try authority.authenticate(renewed, accounts: accounts, now: late).get().accountId == "ZSB01")
        let tooLate = authority.refresh(refreshToken: refreshed.refreshToken!, now: late.addingTimeInterval(601))
        #expect(tooLate == nil)
    }

    @Test func eitherCredentialSetAuthenticates() throws {
        var authority = TokenAuthority(accessTokenLifetime: 60, refreshTokenLifetime: 600)
        let oauth = authority.openOAuthSession(identifier: "u", accountId: "ZSB01", now: start)
        let issued = authority.sessionTokens(sessionId: oauth.id, accountId: "ZSB01")
        let tokens = try #require(issued)
        let both = TokenAuthority.Credentials(
            clientToken: tokens.clientToken, accountToken: tokens.accountToken, bearerToken: "expired-or-bogus")
        #expect(try authority.authenticate(both, accounts: accounts, now: start).get().viaOAuth == false)
        let bearerOnly = TokenAuthority.Credentials(
            clientToken: "bogus", accountToken: "bogus", bearerToken: oauth.accessToken)
        #expect(try authority.authenticate(bearerOnly, accounts: accounts, now: start).get().viaOAuth == true)
        authority.expireAccessTokens()
        #expect(authority.authenticate(bearerOnly, accounts: accounts, now: start) == .failure(.oauthTokenInvalid))
        let stillRefreshable = authority.refresh(refreshToken: oauth.refreshToken!, now: start)
        #expect(stillRefreshable != nil)
        authority.invalidateAll()
        #expect(authority.authenticate(both, accounts: accounts, now: start) == .failure(.oauthTokenInvalid))
    }
}
