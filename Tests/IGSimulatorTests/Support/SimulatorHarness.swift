import AsyncHTTPClient
import Foundation
import IGSimulatorTesting
import NIOCore
import NIOHTTP1
import Testing

@testable import IGSimulator

/// A simulator listening on a free loopback port, and helpers to call it over real sockets.
struct SimulatorHarness {
    let simulator: IGSimulator
    let baseURL: URL
    var apiKey: String { self.simulator.configuration.apiKey }

    /// Starts a simulator on a free port, runs `body`, and always shuts the simulator down.
    static func with(
        _ configuration: SimulatorConfiguration = SimulatorConfiguration(port: 0),
        _ body: (SimulatorHarness) async throws -> Void
    ) async throws {
        try await IGSimulator.withRunning(configuration: configuration) { simulator, url in
            try await body(SimulatorHarness(simulator: simulator, baseURL: url))
        }
    }

    /// Sends a request to `/gateway/deal` + `path` (or to `path` itself when it starts with `/simulator`).
    func send(
        _ method: HTTPMethod,
        _ path: String,
        version: Int? = nil,
        headers: [(String, String)] = [],
        body: String? = nil,
        apiKey: String?? = .none
    ) async throws -> HTTPResult {
        let fullPath = path.hasPrefix("/simulator") ? path : "/gateway/deal" + path
        var request = HTTPClientRequest(url: self.baseURL.absoluteString + fullPath)
        request.method = method
        switch apiKey {
        case .none: request.headers.add(name: "X-IG-API-KEY", value: self.apiKey)
        case .some(.some(let key)): request.headers.add(name: "X-IG-API-KEY", value: key)
        case .some(.none): break
        }
        if let version { request.headers.add(name: "Version", value: String(version)) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return HTTPResult(
            status: Int(response.status.code),
            headers: response.headers,
            body: Data(buffer.readableBytesView)
        )
    }

    /// Logs in with v1/v2 and returns the CST/X-SECURITY-TOKEN headers.
    func login(version: Int = 2, identifier: String? = nil) async throws -> SessionTokens {
        let configuration = self.simulator.configuration
        let result = try await self.send(
            .POST, "/session", version: version,
            body:
                #"{"identifier":"\#(identifier ?? configuration.identifier)","password":"\#(configuration.password)"}"#
        )
        try #require(result.status == 200, "login failed: \(String(decoding: result.body, as: UTF8.self))")
        let cst = try #require(result.header("CST"))
        let xst = try #require(result.header("X-SECURITY-TOKEN"))
        return SessionTokens(headers: [("CST", cst), ("X-SECURITY-TOKEN", xst)])
    }

    /// Logs in with v3 and returns the bearer headers plus the raw token object.
    func loginV3(accountId: String = IGSimulator.spreadBetAccountId) async throws -> (SessionTokens, SimulatorJSON) {
        let configuration = self.simulator.configuration
        let result = try await self.send(
            .POST, "/session", version: 3,
            body: #"{"identifier":"\#(configuration.identifier)","password":"\#(configuration.password)"}"#
        )
        try #require(result.status == 200)
        let token = try #require(result.json["oauthToken"])
        let access = try #require(token["access_token"]?.stringValue)
        return (
            SessionTokens(headers: [("Authorization", "Bearer \(access)"), ("IG-ACCOUNT-ID", accountId)]), token
        )
    }

    /// Sends an authenticated request.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        tokens: SessionTokens,
        version: Int? = nil,
        headers: [(String, String)] = [],
        body: String? = nil
    ) async throws -> HTTPResult {
        try await self.send(method, path, version: version, headers: tokens.headers + headers, body: body)
    }
}
