import Foundation
import NIOHTTP1
import Testing

@testable import IGSimulator

/// Requests the HTTP parser refuses are answered (IG-style error body, `Connection: close`) and their connection
/// closed; connections that never send a request head are closed; a half-sent request does not keep the
/// simulator from shutting down.
@Suite("Hardening: no connection hangs", .timeLimit(.minutes(2)))
struct ConnectionHangTests {
    /// Sends `request` on a raw connection and reads until the server closes it.
    private static func exchange(_ harness: SimulatorHarness, _ request: String) async throws -> RawConnection.Received
    {
        let connection = try RawConnection(to: harness.baseURL)
        try await connection.send(request)
        return await connection.readToEnd()
    }

    @Test(arguments: [
        ("FOO /gateway/deal/session HTTP/1.1\r\nHost: x\r\n\r\n", 405, "error.request.invalid.method"),
        // The parser reads a request line that starts with garbage as an unknown method.
        ("\u{1}\u{2}garbage\r\n\r\n", 405, "error.request.invalid.method"),
        ("GET /gateway/deal/session HTTP/9.9.9\r\nHost: x\r\n\r\n", 400, "error.request.malformed"),
        (
            "GET /gateway/deal/" + String(repeating: "a", count: 10 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
            "error.request.uri-too-long"
        ),
        // Past the header limit, the parser refuses the request line itself.
        (
            "GET /gateway/deal/" + String(repeating: "a", count: 80 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n", 431,
            "error.request.header-too-large"
        ),
        (
            "GET /gateway/deal/session HTTP/1.1\r\nHost: x\r\nX-Big: " + String(repeating: "b", count: 80 * 1024)
                + "\r\n\r\n", 431, "error.request.header-too-large"
        ),
    ])
    func refusedRequestsAreAnsweredAndClosed(request: String, status: Int, code: String) async throws {
        try await SimulatorHarness.with { harness in
            let received = try await Self.exchange(harness, request)
            #expect(received.closedByServer, "the connection must be closed, not held")
            #expect(received.status == status, "\(received.text.prefix(200))")
            #expect(received.text.lowercased().contains("connection: close"))
            #expect(received.body == #"{"errorCode":"\#(code)"}"#)
            let alive = try await harness.send(.GET, "/session/encryptionKey")
            #expect(alive.status == 200)
        }
    }

    @Test func aConnectionThatNeverSendsAHeadIsClosed() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.connections.requestHeadTimeout = .milliseconds(300)
        try await SimulatorHarness.with(configuration) { harness in
            let silent = try RawConnection(to: harness.baseURL)
            let received = await silent.readToEnd()
            #expect(received.closedByServer)
            #expect(received.text.isEmpty)
            let partial = try RawConnection(to: harness.baseURL)
            try await partial.send("GET /gateway/deal/session HTTP/1.1\r\nHost: x\r\nX-Slow: ")
            #expect(await partial.readToEnd().closedByServer)
        }
    }

    @Test func anIdleKeptAliveConnectionIsClosedAfterItsAnswer() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.connections.idleTimeout = .milliseconds(300)
        try await SimulatorHarness.with(configuration) { harness in
            let connection = try RawConnection(to: harness.baseURL)
            try await connection.send(
                "GET /gateway/deal/session/encryptionKey HTTP/1.1\r\nHost: x\r\nX-IG-API-KEY: \(harness.apiKey)\r\n\r\n"
            )
            let received = await connection.readToEnd()
            #expect(received.status == 200, "the request is answered first")
            #expect(received.closedByServer)
        }
    }

    @Test func aHalfSentRequestDoesNotBlockShutdown() async throws {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.connections.requestHeadTimeout = .seconds(3_600)
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let connection = try RawConnection(to: url)
        try await connection.send("GET /gateway/deal/session HTTP/1.1\r\nHost: x\r\n")
        let idle = try RawConnection(to: url)
        try await idle.send("GET /gateway/deal/session/encryptionKey HTTP/1.1\r\nHost: x\r\nX-IG-API-KEY: x\r\n\r\n")
        // Both connections are open when the shutdown starts; it returns (the time limit of the suite guards it).
        try await simulator.shutdown()
        #expect(await connection.readToEnd().closedByServer)
        #expect(await idle.readToEnd().closedByServer)
    }
}
