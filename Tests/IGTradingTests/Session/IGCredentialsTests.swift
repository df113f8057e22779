import Foundation
import IGModels
import Testing

@testable import IGTrading

@Suite("Credentials from the environment and from profiles")
struct IGCredentialsTests {
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
