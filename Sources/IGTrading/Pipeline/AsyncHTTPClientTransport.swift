import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The default transport: an AsyncHTTPClient owned by the ``IGClient``.
final class AsyncHTTPClientTransport: IGHTTPTransport {
    private let client: HTTPClient
    private let isShutDown = Mutex(false)

    /// At most this many bytes of a response body are read (IG's largest bodies are price pages).
    static let maximumBodySize = 64 * 1024 * 1024

    init(connectTimeout: Duration) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .nanoseconds(Int64(connectTimeout.nanoseconds))
        configuration.httpVersion = .automatic
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    deinit {
        // A client that was never shut down is released without blocking.
        if !isShutDown.withLock({ $0 }) { client.shutdown { _ in } }
    }

    func send(_ request: IGHTTPRequest) async throws -> IGHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let timeout = TimeAmount.nanoseconds(Int64(request.timeout.nanoseconds))
        do {
            let response = try await client.execute(outgoing, timeout: timeout)
            let buffer = try await response.body.collect(upTo: Self.maximumBodySize)
            return IGHTTPResponse(
                status: Int(response.status.code),
                headers: response.headers.map { (name: $0.name, value: $0.value) },
                body: Data(buffer.readableBytesView))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout {
            throw IGError(code: .timeout, detail: "no response within \(request.timeout)", underlying: error)
        } catch is CancellationError {
            throw IGError(code: .cancelled)
        } catch let error as IGError {
            throw error
        } catch {
            throw IGError(code: .transport, detail: String(describing: error), underlying: error)
        }
    }

    func shutdown() async throws {
        let alreadyDown = isShutDown.withLock { value in
            defer { value = true }
            return value
        }
        if !alreadyDown { try await client.shutdown() }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    var milliseconds: Double { Double(nanoseconds) / 1_000_000 }
}
