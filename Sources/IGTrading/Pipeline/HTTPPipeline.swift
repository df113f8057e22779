import Foundation
import IGModels
import Logging

/// Turns an ``IGRequest`` plus authentication headers into an HTTP exchange: adds IG's headers, sends, logs one
/// redacted line, and maps error statuses to ``IGError``.
struct HTTPPipeline: Sendable {
    let transport: any IGHTTPTransport
    let environment: IGEnvironment
    let apiKey: String
    let timeouts: IGClient.Configuration.Timeouts
    let logger: Logger
    let limits: RateLimitContext

    /// Header names whose values are secrets and are never logged.
    static let secretHeaders: Set<String> = [
        "x-ig-api-key", "cst", "x-security-token", "authorization", "set-cookie", "cookie",
    ]

    func send(
        _ request: IGRequest, authHeaders: [(name: String, value: String)] = [], account: AccountId? = nil
    ) async throws(IGError) -> IGHTTPResponse {
        let slots = try await limits.acquire(request, account: account)
        do {
            let response = try await exchange(request, authHeaders: authHeaders)
            for slot in slots { await slot.release() }
            return response
        } catch {
            for slot in slots { await slot.release() }
            throw error
        }
    }

    private func exchange(
        _ request: IGRequest, authHeaders: [(name: String, value: String)]
    ) async throws(IGError) -> IGHTTPResponse {
        guard let url = request.url(relativeTo: environment.restBaseURL) else {
            throw IGError(code: .invalidConfiguration, operation: request.operation, detail: "cannot build URL")
        }
        var headers: [(name: String, value: String)] = [
            ("X-IG-API-KEY", apiKey),
            ("Accept", "application/json; charset=UTF-8"),
            ("Version", String(request.version)),
        ]
        if request.body != nil { headers.append(("Content-Type", "application/json; charset=UTF-8")) }
        if let override = request.methodOverride { headers.append(("_method", override)) }
        headers += authHeaders
        let wire = IGHTTPRequest(
            method: request.wireMethod.rawValue, url: url, headers: headers, body: request.body,
            timeout: timeouts.request)
        if logger.logLevel <= .trace {
            logger.trace(
                "IG request \(request.operation)",
                metadata: [
                    "headers": .string(Self.redacted(headers)),
                    "body": .string(request.hasSensitiveBodies ? "<redacted>" : self.loggable(request.body)),
                ])
        }
        let clock = ContinuousClock()
        let start = clock.now
        let response: IGHTTPResponse
        do {
            response = try await transport.send(wire)
        } catch var error as IGError {
            error.operation = error.operation ?? request.operation
            logger.debug(
                "\(request.method.rawValue) \(request.path) v\(request.version) → \(error.code)",
                metadata: ["durationMs": "\(Self.milliseconds(clock.now - start))"])
            throw error
        } catch {
            throw IGError(code: .transport, operation: request.operation, underlying: error)
        }
        let elapsed = clock.now - start
        logger.debug(
            "\(request.method.rawValue) \(request.path) v\(request.version) → \(response.status)",
            metadata: [
                "method": "\(request.method.rawValue)", "path": "\(request.path)", "version": "\(request.version)",
                "status": "\(response.status)", "durationMs": "\(Self.milliseconds(elapsed))",
            ])
        if logger.logLevel <= .trace {
            logger.trace(
                "IG response \(request.operation)",
                metadata: [
                    "headers": .string(Self.redacted(response.headers)),
                    "body": .string(request.hasSensitiveBodies ? "<redacted>" : self.loggable(response.body)),
                ])
        }
        guard (200..<300).contains(response.status) else {
            let body = try? JSONDecoder().decode(IGErrorBody.self, from: response.body)
            var error = IGError.http(
                status: response.status, errorCode: body?.errorCode, operation: request.operation,
                environment: environment.description, published: limits.publishedAllowances)
            error.retryAfter = response.header("Retry-After").flatMap(Int.init).map { Duration.seconds($0) }
            throw error
        }
        return response
    }

    /// Decodes a 2xx body, turning any failure into a decoding error that names the endpoint.
    static func decode<T: Decodable>(
        _ type: T.Type, from response: IGHTTPResponse, request: IGRequest
    ) throws(IGError) -> T {
        let operation = request.operation
        do {
            return try JSONDecoder().decode(T.self, from: response.body)
        } catch {
            let preview =
                request.hasSensitiveBodies
                ? "<redacted>" : String(Self.redactedBody(response.body, apiKey: nil).prefix(120))
            throw IGError(
                code: .decoding, operation: operation, httpStatus: response.status,
                detail: "\(operation) returned a body that is not a valid \(T.self) "
                    + "(\(response.body.count) bytes, starts: \(preview.isEmpty ? "<empty>" : preview))",
                hint: "IG sent something unexpected (maintenance page, truncated body or a changed format). "
                    + "Retry later; if it persists, run with --log-level trace and report the body.",
                underlying: error)
        }
    }

    static func redacted(_ headers: [(name: String, value: String)]) -> String {
        headers.map { header in
            secretHeaders.contains(header.name.lowercased())
                ? "\(header.name): <redacted>" : "\(header.name): \(header.value)"
        }.joined(separator: ", ")
    }

    static func text(_ body: Data?) -> String {
        guard let body, !body.isEmpty else { return "<empty>" }
        let limit = 2048
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
        return body.count > limit ? text + "… (\(body.count) bytes)" : text
    }

    /// A body as logged at trace level: secret fields redacted (before the text is shortened, so that a cut never
    /// leaves half a key), then at most 2 KiB.
    func loggable(_ body: Data?) -> String {
        guard let body, !body.isEmpty else { return "<empty>" }
        return Self.text(Data(Self.redactedBody(body, apiKey: self.apiKey).utf8))
    }

    /// JSON field names whose string values are secrets (`GET /operations/application` lists every API key).
    static let secretFields = ["apiKey", "password", "access_token", "refresh_token"]

    /// A body's text with the string values of ``secretFields`` replaced by `<redacted>`, and any occurrence of
    /// the client's own API key too.
    static func redactedBody(_ body: Data, apiKey: String?) -> String {
        var text = String(decoding: body, as: UTF8.self)
        for field in Self.secretFields {
            let pattern = "(\"\(field)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""
            text = text.replacingOccurrences(
                of: pattern, with: "$1\"<redacted>\"", options: [.regularExpression])
        }
        if let apiKey, !apiKey.isEmpty { text = text.replacingOccurrences(of: apiKey, with: "<redacted>") }
        return text
    }

    static func milliseconds(_ duration: Duration) -> String {
        String(format: "%.1f", duration.milliseconds)
    }
}
