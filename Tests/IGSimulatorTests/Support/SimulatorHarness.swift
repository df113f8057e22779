import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

@testable import IGSimulator

/// A response as the tests see it.
struct HTTPResult {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    /// The body parsed with the simulator's own JSON type, which keeps booleans, integers and floats apart.
    var json: SimulatorJSON {
        (try? SimulatorJSON.parse(self.body)) ?? .null
    }

    /// The `errorCode` of an error body.
    var errorCode: String? { self.json["errorCode"]?.stringValue }

    func header(_ name: String) -> String? { self.headers.first(name: name) }
}

/// Tokens of a logged-in session.
struct SessionTokens {
    var headers: [(String, String)]
}

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
        var configuration = configuration
        configuration.port = 0
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        do {
            try await body(SimulatorHarness(simulator: simulator, baseURL: url))
        } catch {
            try await simulator.shutdown()
            throw error
        }
        try await simulator.shutdown()
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

extension SimulatorJSON {
    /// Keys of an object, in order.
    var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.0)
    }

    /// Keys of an object, as a set (JSON objects are unordered once parsed).
    var keySet: Set<String> { Set(self.keys) }

    /// Elements of an array.
    var elements: [SimulatorJSON] {
        guard case .array(let elements) = self else { return [] }
        return elements
    }

    /// True when this is a JSON boolean (not a string or number).
    var isBool: Bool {
        if case .bool = self { return true }
        return false
    }
}
