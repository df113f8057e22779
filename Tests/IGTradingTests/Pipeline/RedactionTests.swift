import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Logging
import Testing

@testable import IGTrading

@Suite("Secrets never reach the logs")
struct RedactionTests {
    @Test(
        "Trace-level logs of every login kind contain no password, API key or token",
        arguments: [
            (SessionVersion.v1, PasswordEncryption.never), (.v2, .never), (.v2, .always), (.v3, .never),
        ])
    func noSecretsInLogs(version: SessionVersion, encryption: PasswordEncryption) async throws {
        try await IGSimulator.withRunning { simulator, url in
            let handler = CapturingLogHandler()
            let logger = Logger(label: "test", factory: { _ in handler })
            let transport = RecordingTransport(inner: realTransport())
            try await withClient(url, version: version, encryption: encryption, logger: logger, transport: transport) {
                client in
                try await client.session.login()
                _ = try await client.accounts.list()
                let applications = try await client.rateLimits.applications()
                #expect(applications.contains { $0.apiKey == "demo-api-key" }, "the body lists the key")
                _ = try await client.session.read(fetchSessionTokens: true)
                if version == .v3 {
                    await client.sessionManager.markAccessTokenDue()
                    _ = try await client.accounts.preferences()
                }
                await simulator.invalidateAllSessions()
                _ = try await client.accounts.list()
                try await client.session.logout()
            }
            let logs = handler.text
            #expect(logs.contains("GET /accounts"), "the request lines were logged")
            var secrets = transport.secrets
            secrets.formUnion(["demo-password", "demo-api-key"])
            #expect(secrets.count >= 4)
            for secret in secrets {
                #expect(!logs.contains(secret), "a secret reached the logs")
            }
        }
    }

    @Test("Secret fields of logged bodies are redacted, whatever their spacing and escapes")
    func bodyFields() {
        let body = Data(
            #"[{"name":"app","apiKey" : "k\"ey-1","status":"ENABLED"},{"password":"p","other":"demo-api-key"}]"#.utf8)
        let text = HTTPPipeline.redactedBody(body, apiKey: "demo-api-key")
        #expect(
            text
                == #"[{"name":"app","apiKey" : "<redacted>","status":"ENABLED"},{"password":"<redacted>","other":"<redacted>"}]"#
        )
    }

    @Test("Descriptions of credentials, tokens and errors are redacted")
    func descriptions() {
        let credentials = IGCredentials(identifier: "someone", password: "hunter22", apiKey: "key-123456")
        #expect(!credentials.description.contains("hunter22"))
        #expect(!credentials.description.contains("key-123456"))
        #expect(!String(reflecting: credentials).contains("hunter22"))
        let tokens = SessionTokens(clientToken: "cst-abcdef", accountToken: "xst-abcdef")
        #expect(!tokens.description.contains("abcdef"))
        let oauth = OAuthToken(accessToken: "acc-abcdef", refreshToken: "ref-abcdef", expiresIn: "60")
        #expect(!oauth.description.contains("abcdef"))
    }
}
